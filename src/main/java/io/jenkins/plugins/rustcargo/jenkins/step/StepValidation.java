package io.jenkins.plugins.rustcargo.jenkins.step;

import hudson.Util;
import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.CargoArgs;
import io.jenkins.plugins.rustcargo.engine.ImageReference;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.OutputPattern;
import io.jenkins.plugins.rustcargo.jenkins.form.FormCheck;

/**
 * Form checks of the step's fields. Each asks the engine's own validator, so the form shows the
 * same one-line message the build would fail with.
 */
public final class StepValidation {
    private StepValidation() {}

    static FormCheck args(String value) {
        return check(() -> CargoArgs.parse(value));
    }

    static FormCheck output(String value) {
        return check(() -> OutputPattern.validate(Util.fixEmpty(value)));
    }

    /** Empty is fine: the global default image applies. */
    public static FormCheck image(String value) {
        String ref = Util.fixEmptyAndTrim(value);
        return ref == null ? FormCheck.ok() : check(() -> ImageReference.validate("image", ref));
    }

    /** Empty is fine: the key is then derived from the job and stage. */
    static FormCheck cacheKey(String value) {
        String key = Util.fixEmptyAndTrim(value);
        return key == null ? FormCheck.ok() : check(() -> CacheKey.validate("cacheKey", key));
    }

    /** Empty is fine: BUILDKIT_HOST, the global default or the embedded daemon apply. */
    static FormCheck addr(String value) {
        String a = Util.fixEmptyAndTrim(value);
        return a == null ? FormCheck.ok() : check(() -> BuildkitAddress.list(a));
    }

    private interface Check {
        void run() throws InvalidRequestException;
    }

    private static FormCheck check(Check check) {
        try {
            check.run();
            return FormCheck.ok();
        } catch (InvalidRequestException e) {
            return FormCheck.error(e.getMessage());
        }
    }
}
