// Stand-in for jenkinsci/lib-symbol-annotation src/main/java/org/jenkinsci/Symbol.java @ symbol-annotation-1.24 (complete; see docs/standins.md)
package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * Defines a unique identifier (e.g. the key under {@code unclassified:} in JCasC, or a Pipeline function name)
 * for a {@code Descriptor} or other extension. Indexed by annotation-indexer
 * ({@code META-INF/annotations/org.jenkinsci.Symbol}).
 */
@Indexed
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
