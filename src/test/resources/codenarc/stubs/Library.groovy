// Compile-time stand-in for Jenkins' @Library (org.jenkinsci.plugins.workflow.libs.Library, which
// Jenkins imports into every Jenkinsfile), so that CodeNarc can compile the example Jenkinsfiles
// far enough for its Jenkins (CPS) rules. Used by the CodeNarc run in pom.xml only.
import java.lang.annotation.ElementType
import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy
import java.lang.annotation.Target

@Retention(RetentionPolicy.SOURCE)
@Target([ElementType.TYPE, ElementType.LOCAL_VARIABLE, ElementType.FIELD, ElementType.METHOD, ElementType.PACKAGE,
        ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE])
@interface Library {
    String[] value()
}
