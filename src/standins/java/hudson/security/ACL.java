// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/security/ACL.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package hudson.security;

/**
 * Gate-keeper that controls access to Hudson's model objects.
 * Present only as the return type of {@link AccessControlled#getACL()}; no members are mirrored.
 */
public abstract class ACL {
    /** Not constructible outside the stand-in package. */
    ACL() {
    }
}
