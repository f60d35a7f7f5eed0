// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/Extension.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package hudson;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static jenkins.YesNoMaybe.MAYBE;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jenkins.YesNoMaybe;
import net.java.sezpoz.Indexable;

/**
 * Marks a field, a method, or a class for automatic discovery, so that Jenkins can locate
 * implementations of {@link ExtensionPoint}s automatically. Indexed by SezPoz
 * ({@code META-INF/annotations/hudson.Extension}).
 */
@Indexable
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {
    double ordinal() default 0;

    @Deprecated
    boolean optional() default false;

    YesNoMaybe dynamicLoadable() default MAYBE;
}
