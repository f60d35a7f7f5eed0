// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/ExtensionPoint.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package hudson;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marker interface that designates extensible components in Jenkins.
 */
public interface ExtensionPoint {
    /**
     * Used by designers of extension points (direct subtypes of {@link ExtensionPoint}) to indicate that
     * the legacy instances are scoped to {@code Jenkins} instance.
     */
    @Target(TYPE)
    @Retention(RUNTIME)
    @interface LegacyInstancesAreScopedToHudson {}
}
