// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/ManagementLink.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.security.Permission;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * Extension point to add icon to {@code http://server/hudson/manage} page.
 *
 * <p>
 * This is a place for exposing features that are only meant for system admins
 * (whereas features that are meant for Hudson users at large should probably
 * be added to {@link Jenkins#getActions()}.)
 *
 * <p>Ported except for the deprecated {@code LIST} field and {@code getBadge()} ({@code jenkins.management.Badge});
 * {@link Category#getLabel()} returns the English text of upstream's {@code Messages.properties}.
 */
public abstract class ManagementLink implements ExtensionPoint, Action {

    /**
     * Mostly works like {@link Action#getIconFileName()}, except that
     * the expected icon format is SVG. So if you give just a file name, "/images/svgs" will be assumed.
     *
     * @return
     *      As a special case, return null to exclude this object from the management link.
     */
    @Override
    public abstract @CheckForNull String getIconFileName();

    /**
     * Returns a short description of what this link does. This text
     * is the one that's displayed in grey.
     */
    public String getDescription() {
        return "";
    }

    /**
     * Returns the URL name of this link; relative URLs are resolved against the "Manage Jenkins" page.
     */
    @Override
    public abstract @CheckForNull String getUrlName();

    /**
     * Allows implementations to request that this link show a confirmation dialog, and use POST if confirmed.
     * @since 1.512
     */
    public boolean getRequiresConfirmation() {
        return false;
    }

    /**
     * All registered instances (empty without a running Jenkins).
     */
    public static @NonNull ExtensionList<ManagementLink> all() {
        return ExtensionList.lookup(ManagementLink.class);
    }

    /**
     * Returns the permission required for user to see this management link on the "Manage Jenkins" page.
     * Defaults to {@link Jenkins#ADMINISTER}.
     *
     * @since 2.149
     */
    public @NonNull Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    /**
     * Define if the rendered link will use the default GET method or POST.
     * @return true if POST must be used
     * @since 1.584
     */
    public boolean getRequiresPOST() {
        return false;
    }

    /**
     * Name of the category for this management link. Exists so that plugins with core dependency pre-dating the version
     * when this was introduced can define a category.
     *
     * @return name of the desired category, one of the enum values of {@link Category}, e.g. {@code STATUS}.
     * @since 2.226
     */
    protected @NonNull String getCategoryName() {
        return "UNCATEGORIZED";
    }

    /**
     * Category for management link, uses {@code String} so it can be done with core dependency pre-dating the version this feature was added.
     *
     * @return An enum value of {@link Category}.
     * @since 2.226
     */
    public @NonNull Category getCategory() {
        try {
            return Category.valueOf(getCategoryName());
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "invalid category {0} for class {1}", new Object[]{getCategoryName(), this.getClass().getName()});
            return Category.UNCATEGORIZED;
        }
    }

    /**
     * Categories supported by this version of core.
     *
     * @since 2.226
     */
    public enum Category {
        /**
         * Configuration pages that don't fit into a more specific section.
         */
        CONFIGURATION("System Configuration"),
        /**
         * Security related options. Useful for plugins providing security related {@code ManagementLink}s (e.g. security realms).
         * Use {@link Category#STATUS} instead if the feature is informational.
         */
        SECURITY("Security"),
        /**
         * Status information about the Jenkins instance, such as log messages, load statistics, or general information.
         */
        STATUS("Status Information"),
        /**
         * Troubleshooting utilities. This overlaps some with status information, but the difference is that status
         * always applies, while troubleshooting only matters when things go wrong.
         */
        TROUBLESHOOTING("Troubleshooting"),
        /**
         * Tools are specifically tools for administrators,
         * such as the Jenkins CLI and Script Console,
         * as well as specific stand-alone administrative features ({@code ManagementLink}s).
         * This does not include tool installers or other tool configuration.
         */
        TOOLS("Tools and Actions"),
        /**
         * Anything that doesn't fit into any of the other categories. Expected to be necessary only very rarely.
         */
        MISC("Other"),
        /**
         * The default category for uncategorized items. Do not explicitly specify this category for your {@code ManagementLink}.
         */
        UNCATEGORIZED("Uncategorized");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public @NonNull String getLabel() {
            return label;
        }
    }

    private static final Logger LOGGER = Logger.getLogger(ManagementLink.class.getName());
}
