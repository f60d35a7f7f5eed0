// Compile-time stand-in for groovy-cps' @NonCPS, so that CodeNarc can compile vars/ far enough for
// its Jenkins (CPS) rules. Used by the CodeNarc run in pom.xml only.
package com.cloudbees.groovy.cps

import java.lang.annotation.ElementType
import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy
import java.lang.annotation.Target

@Retention(RetentionPolicy.RUNTIME)
@Target([ElementType.METHOD, ElementType.CONSTRUCTOR])
@interface NonCPS {
}
