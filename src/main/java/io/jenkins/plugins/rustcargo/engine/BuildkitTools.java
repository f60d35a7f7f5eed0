package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

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

    /**
     * Starts a process; when its program cannot be run at all (not found, not executable), the
     * failure names the program and says how to install it instead of a raw Java error.
     */
    static RunningProcess start(BuildHost host, ProcessSpec spec) throws IOException, InterruptedException {
        try {
            return host.start(spec);
        } catch (IOException e) {
            String program = spec.argv().get(0);
            if (!CANNOT_EXECUTE.matcher(String.valueOf(e.getMessage())).find()) {
                throw e;
            }
            String name = program.substring(program.lastIndexOf('/') + 1);
            throw new ToolMissingException(name + " cannot be run (" + program + " not found or not executable): install BuildKit's "
                    + name + " (docs/agent-setup.md) and put it on PATH, or set " + BIN_DIR_VAR + " to its directory", e);
        }
    }

    /** The program of a process could not be started; the message is the one line to show. */
    static final class ToolMissingException extends IOException {
        private static final long serialVersionUID = 1L;

        ToolMissingException(String oneLine, IOException cause) {
            super(oneLine, cause);
        }
    }

    /** ENOENT (2) and EACCES (13) as ProcessBuilder reports them, also through a Jenkins agent. */
    private static final Pattern CANNOT_EXECUTE = Pattern.compile("error=(2|13),|No such file or directory|Permission denied");

    private static String tool(Map<String, String> hostEnv, String name) {
        String dir = hostEnv.get(BIN_DIR_VAR);
        return dir == null || dir.isBlank() ? name : dir + "/" + name;
    }
}
