package io.jenkins.plugins.rustcargo.jenkins.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.rustcargo.engine.BuildNetwork;
import io.jenkins.plugins.rustcargo.engine.CargoArgs;
import io.jenkins.plugins.rustcargo.jenkins.form.FormCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jenkins.YesNoMaybe;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code rustCargo args: 'test'}: runs one cargo command in the agent's persistent BuildKit
 * daemon, with shared CARGO_HOME and per-job target caches. The step only holds parameters; the
 * work happens in {@link RustCargoStepExecution}.
 */
public class RustCargoStep extends Step {
    /** String or unmodifiable List of String, exactly as the pipeline gave it (null only if omitted). */
    private final Object args;
    private String output;
    private boolean requireOutput;
    private String image;
    private String cacheKey;
    private boolean keepFingerprints = true;
    private boolean returnStatus;
    private String addr;
    private List<String> secretEnv = List.of();
    private String dir = ".";
    private String logFile;
    private String junitReport;
    private Boolean untrusted;
    private String network;

    /**
     * @param args cargo's arguments as one string with shell-like quoting ({@code 'build --release'}),
     *     or as a list ({@code ['test', '--', '--nocapture']})
     */
    @DataBoundConstructor
    public RustCargoStep(Object args) {
        this.args = normalizeArgs(args);
    }

    // Groovy hands over GStrings and any List; keep a String or a List<String> so that the
    // snippet generator and the flow graph see a plain value.
    static Object normalizeArgs(Object args) {
        if (args == null) {
            return null;
        }
        if (args instanceof CharSequence) {
            return args.toString();
        }
        Collection<?> items = args instanceof Object[] array ? List.of(array) : args instanceof Collection<?> c ? c : null;
        if (items == null) {
            throw new IllegalArgumentException("args must be a string or a list of strings, not " + args.getClass().getSimpleName());
        }
        List<String> words = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof CharSequence)) {
                throw new IllegalArgumentException("args must be a string or a list of strings; found "
                        + (item == null ? "null" : item.getClass().getSimpleName()) + " in the list");
            }
            words.add(item.toString());
        }
        return Collections.unmodifiableList(words);
    }

    public Object getArgs() {
        return args;
    }

    public String getOutput() {
        return output;
    }

    /** Regex (RE2, whole path relative to {@code target/}) of files to copy back into the workspace. */
    @DataBoundSetter
    public void setOutput(String output) {
        this.output = Util.fixEmpty(output);
    }

    public boolean isRequireOutput() {
        return requireOutput;
    }

    @DataBoundSetter
    public void setRequireOutput(boolean requireOutput) {
        this.requireOutput = requireOutput;
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Util.fixEmptyAndTrim(image);
    }

    public String getCacheKey() {
        return cacheKey;
    }

    @DataBoundSetter
    public void setCacheKey(String cacheKey) {
        this.cacheKey = Util.fixEmptyAndTrim(cacheKey);
    }

    public boolean isKeepFingerprints() {
        return keepFingerprints;
    }

    @DataBoundSetter
    public void setKeepFingerprints(boolean keepFingerprints) {
        this.keepFingerprints = keepFingerprints;
    }

    public boolean isReturnStatus() {
        return returnStatus;
    }

    @DataBoundSetter
    public void setReturnStatus(boolean returnStatus) {
        this.returnStatus = returnStatus;
    }

    public String getAddr() {
        return addr;
    }

    @DataBoundSetter
    public void setAddr(String addr) {
        this.addr = Util.fixEmptyAndTrim(addr);
    }

    public List<String> getSecretEnv() {
        return secretEnv;
    }

    /**
     * Names of environment variables (e.g. bound by {@code withCredentials}) that reach cargo only
     * as BuildKit secrets. Elements may hold several names separated by spaces or commas, which is
     * what the snippet generator's single text box sends.
     */
    @DataBoundSetter
    public void setSecretEnv(List<String> secretEnv) {
        List<String> names = new ArrayList<>();
        if (secretEnv != null) {
            for (String element : secretEnv) {
                for (String name : Util.fixNull(element).split("[\\s,]+")) {
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        }
        this.secretEnv = List.copyOf(names);
    }

    /** The secret names as the snippet generator's text box shows them. */
    public String getSecretEnvText() {
        return String.join(" ", secretEnv);
    }

    public String getDir() {
        return dir;
    }

    /** Workspace sub-directory holding Cargo.toml. */
    @DataBoundSetter
    public void setDir(String dir) {
        String d = Util.fixEmptyAndTrim(dir);
        this.dir = d == null ? "." : d;
    }

    public String getLogFile() {
        return logFile;
    }

    /** Also copy cargo's output lines to this file, relative to the current directory like readFile. */
    @DataBoundSetter
    public void setLogFile(String logFile) {
        this.logFile = Util.fixEmptyAndTrim(logFile);
    }

    public String getJunitReport() {
        return junitReport;
    }

    /** Write a JUnit XML report of a cargo test run to this file, relative to the cargo workspace (dir). */
    @DataBoundSetter
    public void setJunitReport(String junitReport) {
        this.junitReport = Util.fixEmptyAndTrim(junitReport);
    }

    /** Explicit trust level, or null: untrusted exactly when the build is of a change request. */
    public Boolean getUntrusted() {
        return untrusted;
    }

    @DataBoundSetter
    public void setUntrusted(Boolean untrusted) {
        this.untrusted = untrusted;
    }

    public String getNetwork() {
        return network;
    }

    /** Network of build scripts and tests: {@code none} (default) or {@code host} (trusted builds only). */
    @DataBoundSetter
    public void setNetwork(String network) {
        this.network = Util.fixEmptyAndTrim(network);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RustCargoStepExecution(this, context);
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "rustCargo";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RustCargoStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);
        }

        /** Shows the cargo command in the flow graph and stage view, e.g. {@code cargo build --release}. */
        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            Object a = namedArgs.get("args");
            if (a instanceof CharSequence s) {
                return s.toString();
            }
            try {
                if (normalizeArgs(a) instanceof List<?> words && !words.isEmpty()) {
                    @SuppressWarnings("unchecked") // normalizeArgs only returns lists of strings
                    List<String> argv = (List<String>) words;
                    return CargoArgs.render(argv).substring("cargo ".length());
                }
                return null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @POST
        public FormValidation doCheckArgs(@AncestorInPath Item item, @QueryParameter String value) {
            return checkArgs(item, value).toFormValidation();
        }

        FormCheck checkArgs(@CheckForNull Item item, String value) {
            return mayValidate(item) ? StepValidation.args(value) : FormCheck.ok();
        }

        @POST
        public FormValidation doCheckOutput(@AncestorInPath Item item, @QueryParameter String value) {
            return checkOutput(item, value).toFormValidation();
        }

        FormCheck checkOutput(@CheckForNull Item item, String value) {
            return mayValidate(item) ? StepValidation.output(value) : FormCheck.ok();
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return checkImage(item, value).toFormValidation();
        }

        FormCheck checkImage(@CheckForNull Item item, String value) {
            return mayValidate(item) ? StepValidation.image(value) : FormCheck.ok();
        }

        @POST
        public FormValidation doCheckCacheKey(@AncestorInPath Item item, @QueryParameter String value) {
            return checkCacheKey(item, value).toFormValidation();
        }

        FormCheck checkCacheKey(@CheckForNull Item item, String value) {
            return mayValidate(item) ? StepValidation.cacheKey(value) : FormCheck.ok();
        }

        /** The network modes (see help-network.html); {@code untrusted} has no form field: it is a pipeline choice. */
        public ListBoxModel doFillNetworkItems() {
            ListBoxModel items = new ListBoxModel();
            for (BuildNetwork n : BuildNetwork.values()) {
                items.add(n.value());
            }
            return items;
        }

        @POST
        public FormValidation doCheckAddr(@AncestorInPath Item item, @QueryParameter String value) {
            return checkAddr(item, value).toFormValidation();
        }

        FormCheck checkAddr(@CheckForNull Item item, String value) {
            return mayValidate(item) ? StepValidation.addr(value) : FormCheck.ok();
        }

        // Only people who may configure the job (or, on the global snippet generator, admins)
        // get answers; the checks reveal nothing, but the endpoints are POST-only and gated anyway.
        private static boolean mayValidate(@CheckForNull Item item) {
            return item != null ? item.hasPermission(Item.CONFIGURE) : Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
    }
}
