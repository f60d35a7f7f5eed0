// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson;

public class Util {
    public static String fixNull(String s) {
        return s != null ? s : "";
    }

    public static String fixEmpty(String s) {
        return s != null && !s.isEmpty() ? s : null;
    }

    public static String fixEmptyAndTrim(String s) {
        return s != null ? fixEmpty(s.trim()) : null;
    }
}
