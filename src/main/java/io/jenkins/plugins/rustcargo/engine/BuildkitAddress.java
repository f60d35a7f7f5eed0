package io.jenkins.plugins.rustcargo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where buildkitd listens, in buildctl's own syntax, plus optional TLS files for {@code tcp://}.
 * Schemes are passed through to buildctl unchanged: unix, tcp, docker-container,
 * podman-container, nerdctl-container, kube-pod and ssh.
 */
public record BuildkitAddress(String addr, String caCert, String cert, String key, String serverName) {
    public static final String DEFAULT_SOCKET = "unix:///run/buildkit/buildkitd.sock";
    private static final Pattern SCHEME =
            Pattern.compile("(unix|tcp|docker-container|podman-container|nerdctl-container|kube-pod|ssh)://\\S+");

    public static BuildkitAddress of(String addr) throws InvalidRequestException {
        return new BuildkitAddress(validate(addr), null, null, null, null);
    }

    /**
     * A pool: addresses separated by white space or commas (one per line in the Jenkins
     * configuration). Empty for blank text.
     */
    public static List<BuildkitAddress> list(String addrs) throws InvalidRequestException {
        List<BuildkitAddress> list = new ArrayList<>();
        if (addrs != null && !addrs.isBlank()) {
            for (String a : addrs.trim().split("[\\s,]+")) {
                list.add(of(a));
            }
        }
        return list;
    }

    public BuildkitAddress withTls(String caCert, String cert, String key, String serverName) {
        return new BuildkitAddress(addr, blankToNull(caCert), blankToNull(cert), blankToNull(key), blankToNull(serverName));
    }

    static String validate(String addr) throws InvalidRequestException {
        if (addr == null || !SCHEME.matcher(addr.trim()).matches()) {
            throw new InvalidRequestException("BuildKit address '" + addr
                    + "' is not valid: use unix:///path/buildkitd.sock, tcp://host:1234 or docker-container://NAME");
        }
        return addr.trim();
    }

    /** Global buildctl flags selecting this daemon. */
    public List<String> buildctlFlags() {
        List<String> flags = new ArrayList<>(List.of("--addr", addr));
        add(flags, "--tlscacert", caCert);
        add(flags, "--tlscert", cert);
        add(flags, "--tlskey", key);
        add(flags, "--tlsservername", serverName);
        return flags;
    }

    /** How to start a daemon at this address, for error messages. */
    public String howToStart() {
        if (addr.startsWith("unix://")) {
            return "start one with: buildkitd --addr " + addr + " (or systemctl start buildkit), see docs/agent-setup.md";
        }
        if (addr.startsWith("docker-container://")) {
            return "start the container with: docker run -d --name " + addr.substring("docker-container://".length())
                    + " --privileged moby/buildkit:v0.32.2, see docs/agent-setup.md";
        }
        return "check that buildkitd runs there and that the TLS files match, see docs/agent-setup.md";
    }

    private static void add(List<String> flags, String flag, String value) {
        if (value != null) {
            flags.add(flag);
            flags.add(value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
