// Stand-in for jenkinsci/jenkins core/src/main/java/jenkins/YesNoMaybe.java @ jenkins-2.479.3 (complete, behaviour ported; see docs/standins.md)
package jenkins;

/**
 * Enum that represents {@link Boolean} state (including null for the absence.)
 */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE;

    public static Boolean toBoolean(YesNoMaybe v) {
        if (v == null)    return null;
        return v.toBool();
    }

    public Boolean toBool() {
        switch (this) {
        case YES:
            return true;
        case NO:
            return false;
        default:
            return null;
        }
    }
}
