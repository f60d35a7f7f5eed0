// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/TaskListener.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Receives events that happen during some lengthy operation
 * that has some chance of failures, such as a build, SCM change polling,
 * agent launch, and so on.
 *
 * Omitted upstream members: the console-note defaults {@code annotate(ConsoleNote)} and {@code hyperlink(..)}.
 */
public interface TaskListener extends SerializableOnlyOverRemoting {
    /**
     * This writer will receive the output of the build
     */
    @NonNull
    PrintStream getLogger();

    /**
     * A charset to use for methods returning {@link PrintWriter}.
     * Should match that used to construct {@link #getLogger}.
     * (Upstream restricts overriding to core via {@code @Restricted(ProtectedExternally.class)}.)
     */
    @NonNull
    default Charset getCharset() {
        return StandardCharsets.UTF_8;
    }

    private PrintWriter _error(String prefix, String msg) {
        PrintStream out = getLogger();
        out.print(prefix);
        out.println(msg);

        Charset charset = getCharset();
        return new PrintWriter(new OutputStreamWriter(out, charset), true);
    }

    /**
     * An error in the build.
     *
     * @return
     *      A writer to receive details of the error.
     */
    @NonNull
    default PrintWriter error(String msg) {
        return _error("ERROR: ", msg);
    }

    /**
     * {@link java.util.Formatter} version of {@link #error(String)}.
     */
    @NonNull
    default PrintWriter error(String format, Object... args) {
        return error(String.format(format, args));
    }

    /**
     * A fatal error in the build.
     *
     * @return
     *      A writer to receive details of the error.
     */
    @NonNull
    default PrintWriter fatalError(String msg) {
        return _error("FATAL: ", msg);
    }

    /**
     * {@link java.util.Formatter} version of {@link #fatalError(String)}.
     */
    @NonNull
    default PrintWriter fatalError(String format, Object... args) {
        return fatalError(String.format(format, args));
    }

    /**
     * {@link TaskListener} that discards the output.
     */
    TaskListener NULL = new NullTaskListener();
}
