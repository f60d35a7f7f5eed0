// Stand-in for jenkinsci/jenkins core/src/main/java/jenkins/model/GlobalConfiguration.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Convenient base class for extensions that contributes to the system configuration page but nothing
 * else, or to manage the global configuration of a plugin implementing several extension points.
 *
 * <p>
 * All {@link Descriptor}s are capable of contributing fragment to the system config page. If you are
 * implementing other extension points that need to expose some global configuration, you can do so
 * with {@code global.groovy} or {@code global.jelly} from your {@link Descriptor} instance. However
 * each {@code global.*} file will appear as its own section in the global configuration page.
 *
 * <p>Ported: {@link #configure(StaplerRequest2, JSONObject)} calls {@code req.bindJSON(this, json)} and returns
 * true (upstream's path when the deprecated {@code StaplerRequest} overload is not overridden; that overload
 * is not mirrored). {@link #all()} needs a running Jenkins. Remember that {@code load()}/{@code save()} (from
 * {@link Descriptor}) need a running Jenkins too.
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration> implements ExtensionPoint, Describable<GlobalConfiguration>  {
    protected GlobalConfiguration() {
        super(self());
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        return this;
    }

    /**
     * By default, calls {@link StaplerRequest2#bindJSON(Object, JSONObject)},
     * appropriate when your implementation has getters and setters for all fields.
     * <p>{@inheritDoc}
     * @since 2.475
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        req.bindJSON(this, json);
        return true;
    }

    /**
     * Returns all the registered {@link GlobalConfiguration} descriptors.
     */
    public static @NonNull ExtensionList<GlobalConfiguration> all() {
        Jenkins.get(); // upstream: Jenkins.get().getDescriptorList(GlobalConfiguration.class)
        throw new UnsupportedOperationException("stand-in");
    }
}
