// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Result.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * The build outcome.
 *
 * Ported except for the {@code color} field ({@code BallColor}), the XStream converter, the CLI option handler
 * and {@code init()}; the {@code CustomExportedBean} supertype is left out.
 */
public final class Result implements Serializable {
    /**
     * The build had no errors.
     */
    public static final @NonNull Result SUCCESS = new Result("SUCCESS", 0, true);
    /**
     * The build had some errors but they were not fatal.
     * For example, some tests failed.
     */
    public static final @NonNull Result UNSTABLE = new Result("UNSTABLE", 1, true);
    /**
     * The build had a fatal error.
     */
    public static final @NonNull Result FAILURE = new Result("FAILURE", 2, true);
    /**
     * The module was not built.
     */
    public static final @NonNull Result NOT_BUILT = new Result("NOT_BUILT", 3, false);
    /**
     * The build was manually aborted.
     */
    public static final @NonNull Result ABORTED = new Result("ABORTED", 4, false);

    private final @NonNull String name;

    /**
     * Bigger numbers are worse.
     */
    public final /* @java.annotation.Nonnegative */ int ordinal;

    /**
     * Is this a complete build - i.e., did it run to the end (not aborted)?
     * @since 1.526
     */
    public final boolean completeBuild;

    private Result(@NonNull String name, /*@java.annotation.Nonnegative */int ordinal, boolean complete) {
        this.name = name;
        this.ordinal = ordinal;
        this.completeBuild = complete;
    }

    /**
     * Combines two {@link Result}s and returns the worse one.
     */
    public @NonNull Result combine(@NonNull Result that) {
        if (this.ordinal < that.ordinal)
            return that;
        else
            return this;
    }

    /**
     * Combine results, treating null as the best.
     */
    public static Result combine(Result r1, Result r2) {
        if (r1 == null) {
            return r2;
        } else if (r2 == null) {
            return r1;
        } else {
            return r1.combine(r2);
        }
    }

    public boolean isWorseThan(@NonNull Result that) {
        return this.ordinal > that.ordinal;
    }

    public boolean isWorseOrEqualTo(@NonNull Result that) {
        return this.ordinal >= that.ordinal;
    }

    public boolean isBetterThan(@NonNull Result that) {
        return this.ordinal < that.ordinal;
    }

    public boolean isBetterOrEqualTo(@NonNull Result that) {
        return this.ordinal <= that.ordinal;
    }

    public boolean isCompleteBuild() {
        return this.completeBuild;
    }

    @Override
    public @NonNull String toString() {
        return name;
    }

    public @NonNull String toExportedObject() {
        return name;
    }

    /**
     * Parses a name case-insensitively; anything unknown is {@link #FAILURE}.
     */
    public static @NonNull Result fromString(@NonNull String s) {
        for (Result r : all)
            if (s.equalsIgnoreCase(r.name))
                return r;
        return FAILURE;
    }

    private Object readResolve() {
        for (Result r : all)
            if (ordinal == r.ordinal)
                return r;
        return FAILURE;
    }

    private static final long serialVersionUID = 1L;

    private static final Result[] all = new Result[] {SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED};
}
