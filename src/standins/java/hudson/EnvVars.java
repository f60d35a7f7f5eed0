// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson;

import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars overrideAll(Map<String, String> all) {
        throw new UnsupportedOperationException("stand-in");
    }
}
