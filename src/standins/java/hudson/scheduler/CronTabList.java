// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.scheduler;

import java.util.Calendar;

public final class CronTabList {
    private CronTabList() {
    }

    public synchronized boolean check(Calendar cal) {
        throw new UnsupportedOperationException("stand-in");
    }

    public String checkSanity() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static CronTabList create(String format, Hash hash) {
        throw new UnsupportedOperationException("stand-in");
    }
}
