// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/NullTaskListener.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.model;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@link TaskListener#NULL}: discards everything.
 */
class NullTaskListener implements TaskListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PrintStream getLogger() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

}
