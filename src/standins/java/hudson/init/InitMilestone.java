// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.init;

// Only the milestones the plugin names, in Jenkins' order.
public enum InitMilestone {
    STARTED, PLUGINS_STARTED, SYSTEM_CONFIG_LOADED, COMPLETED
}
