// Stand-in for jenkinsci/jenkins core/src/main/java/jenkins/util/Timer.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;

public class Timer {
    private Timer() {}

    @NonNull
    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("stand-in");
    }
}
