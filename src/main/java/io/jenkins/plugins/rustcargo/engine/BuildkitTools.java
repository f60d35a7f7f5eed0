package io.jenkins.plugins.rustcargo.engine;

import java.util.Map;

/**
 * Finds the buildctl and buildkitd executables on the build host: {@code $RUSTCARGO_BUILDKIT_BIN}
 * if set (the project's own set-up script exports it), otherwise the host's PATH.
 */
final class BuildkitTools {
    static final String BIN_DIR_VAR = "RUSTCARGO_BUILDKIT_BIN";

    private BuildkitTools() {}

    static String buildctl(Map<String, String> hostEnv) {
        return tool(hostEnv, "buildctl");
    }

    static String buildkitd(Map<String, String> hostEnv) {
        return tool(hostEnv, "buildkitd");
    }

    private static String tool(Map<String, String> hostEnv, String name) {
        String dir = hostEnv.get(BIN_DIR_VAR);
        return dir == null || dir.isBlank() ? name : dir + "/" + name;
    }
}
