// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.VariableResolver;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Stack;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Environment variables.
 *
 * <p>Keys are case-insensitive (the map is ordered by {@link String#CASE_INSENSITIVE_ORDER}), {@code PATH+XYZ}
 * keys prepend to {@code PATH} in {@link #override}, and {@link #overrideExpandingAll} orders the overrides by their
 * references to each other exactly like upstream (including its cycle cutting).
 *
 * <p>Differences from upstream: the {@code Platform} field is not mirrored (upstream it is only set for
 * {@link #masterEnvVars} and for remote agents), so {@code PATH+XYZ} always joins with the local
 * {@link File#pathSeparatorChar}; {@link #masterEnvVars} does not drop {@code MAVEN_OPTS}
 * (upstream only does so when {@code Main.isUnitTest}/{@code isDevelopmentMode}); {@code getRemote} is omitted.
 */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 4320331661987259022L;
    private static Logger LOGGER = Logger.getLogger(EnvVars.class.getName());

    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(@NonNull Map<String, String> m) {
        this();
        putAll(m);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public EnvVars(@NonNull EnvVars m) {
        // this constructor is so that in future we can get rid of the downcasting.
        this((Map) m);
    }

    /**
     * Builds an environment variables from an array of the form {@code "key","value","key","value"...}
     */
    public EnvVars(String... keyValuePairs) {
        this();
        if (keyValuePairs.length % 2 != 0)
            throw new IllegalArgumentException(Arrays.asList(keyValuePairs).toString());
        for (int i = 0; i < keyValuePairs.length; i += 2)
            put(keyValuePairs[i], keyValuePairs[i + 1]);
    }

    /**
     * Overrides the current entry by the given entry.
     *
     * <p>
     * Handles {@code PATH+XYZ} notation to append paths, and removes the variable when the value is null or empty.
     */
    public void override(String key, String value) {
        if (value == null || value.isEmpty()) {
            remove(key);
            return;
        }

        int idx = key.indexOf('+');
        if (idx > 0) {
            String realKey = key.substring(0, idx);
            String v = get(realKey);
            if (v == null) v = value;
            else {
                char ch = File.pathSeparatorChar;
                v = value + ch + v;
            }
            put(realKey, v);
            return;
        }

        put(key, value);
    }

    /**
     * Overrides all values in the map by the given map.
     * See {@link #override(String, String)}.
     * @return this
     */
    public EnvVars overrideAll(Map<String, String> all) {
        for (Map.Entry<String, String> e : all.entrySet()) {
            override(e.getKey(), e.getValue());
        }
        return this;
    }

    /**
     * Calculates the order to override variables (port of upstream's package-private OverrideOrderCalculator).
     */
    static class OverrideOrderCalculator {
        private static class TraceResolver implements VariableResolver<String> {
            private final Comparator<? super String> comparator;
            public Set<String> referredVariables;

            TraceResolver(Comparator<? super String> comparator) {
                this.comparator = comparator;
                clear();
            }

            public void clear() {
                referredVariables = new TreeSet<>(comparator);
            }

            @Override
            public String resolve(String name) {
                referredVariables.add(name);
                return "";
            }
        }

        /** Port of hudson.util.CyclicGraphDetector, specialised to the use made of it here. */
        private static class VariableReferenceSorter {
            private final Map<String, Set<String>> refereeSetMap;
            private final Set<String> visited = new HashSet<>();
            private final Set<String> visiting = new HashSet<>();
            private final Stack<String> path = new Stack<>();
            private final List<String> topologicalOrder = new ArrayList<>();

            VariableReferenceSorter(Map<String, Set<String>> refereeSetMap) {
                this.refereeSetMap = refereeSetMap;
            }

            Iterable<? extends String> getEdges(String n) {
                if (!refereeSetMap.containsKey(n)) {
                    return Collections.emptySet();
                }
                return refereeSetMap.get(n);
            }

            void run(Iterable<? extends String> allNodes) throws CycleDetectedException {
                for (String n : allNodes) {
                    visit(n);
                }
            }

            List<String> getSorted() {
                return topologicalOrder;
            }

            private void visit(String p) throws CycleDetectedException {
                if (!visited.add(p))    return;

                visiting.add(p);
                path.push(p);
                for (String q : getEdges(p)) {
                    if (q == null)        continue;
                    if (visiting.contains(q))
                        detectedCycle(q);
                    visit(q);
                }
                visiting.remove(p);
                path.pop();
                topologicalOrder.add(p);
            }

            private void detectedCycle(String q) throws CycleDetectedException {
                int i = path.indexOf(q);
                path.push(q);
                throw new CycleDetectedException(path.subList(i, path.size()));
            }
        }

        private static final class CycleDetectedException extends Exception {
            private static final long serialVersionUID = 1L;
            final List<String> cycle;

            CycleDetectedException(List<String> cycle) {
                super("Cycle detected: " + cycle.stream().map(Object::toString).collect(Collectors.joining(" -> ")));
                this.cycle = cycle;
            }
        }

        private final Comparator<? super String> comparator;

        @NonNull
        private final EnvVars target;
        @NonNull
        private final Map<String, String> overrides;

        private Map<String, Set<String>> refereeSetMap;
        private List<String> orderedVariableNames;

        OverrideOrderCalculator(@NonNull EnvVars target, @NonNull Map<String, String> overrides) {
            comparator = target.comparator();
            this.target = target;
            this.overrides = overrides;
            scan();
        }

        public List<String> getOrderedVariableNames() {
            return orderedVariableNames;
        }

        private void cutCycleAt(String referee, List<String> cycle) {
            int refererIndex = cycle.lastIndexOf(referee) - 1;

            assert refererIndex >= 0;
            String referrer = cycle.get(refererIndex);
            boolean removed = refereeSetMap.get(referrer).remove(referee);
            assert removed;
            LOGGER.warning(String.format("Cyclic reference detected: %s", String.join(" -> ", cycle)));
            LOGGER.warning(String.format("Cut the reference %s -> %s", referrer, referee));
        }

        private void cutCycle(List<String> cycle) {
            for (String referee : cycle) {
                if (target.containsKey(referee)) {
                    cutCycleAt(referee, cycle);
                    return;
                }
            }
            cutCycleAt(cycle.get(0), cycle);
        }

        public void scan() {
            refereeSetMap = new TreeMap<>(comparator);
            List<String> extendingVariableNames = new ArrayList<>();

            TraceResolver resolver = new TraceResolver(comparator);

            for (Map.Entry<String, String> entry : overrides.entrySet()) {
                if (entry.getKey().indexOf('+') > 0) {
                    // XYZ+AAA variables should be always processed in last.
                    extendingVariableNames.add(entry.getKey());
                    continue;
                }
                resolver.clear();
                Util.replaceMacro(entry.getValue(), resolver);

                Set<String> refereeSet = resolver.referredVariables;
                refereeSet.remove(entry.getKey());
                refereeSetMap.put(entry.getKey(), refereeSet);
            }

            VariableReferenceSorter sorter;
            while (true) {
                sorter = new VariableReferenceSorter(refereeSetMap);
                try {
                    sorter.run(refereeSetMap.keySet());
                } catch (CycleDetectedException e) {
                    cutCycle(new ArrayList<>(e.cycle));
                    continue;
                }
                break;
            }

            List<String> reversedDuplicatedOrder = new ArrayList<>(sorter.getSorted());
            Collections.reverse(reversedDuplicatedOrder);

            orderedVariableNames = new ArrayList<>(overrides.size());
            for (String key : reversedDuplicatedOrder) {
                if (overrides.containsKey(key) && !orderedVariableNames.contains(key)) {
                    orderedVariableNames.add(key);
                }
            }
            Collections.reverse(orderedVariableNames);
            orderedVariableNames.addAll(extendingVariableNames);
        }
    }

    /**
     * Overrides all values in the map by the given map. Expressions in values will be expanded.
     * See {@link #override(String, String)}.
     * @return {@code this}
     */
    public EnvVars overrideExpandingAll(@NonNull Map<String, String> all) {
        for (String key : new OverrideOrderCalculator(this, all).getOrderedVariableNames()) {
            override(key, expand(all.get(key)));
        }
        return this;
    }

    /**
     * Resolves environment variables against each other.
     */
    public static void resolve(Map<String, String> env) {
        for (Map.Entry<String, String> entry : env.entrySet()) {
            entry.setValue(Util.replaceMacro(entry.getValue(), env));
        }
    }

    /**
     * Convenience message
     * @since 1.485
     **/
    public String get(String key, String defaultValue) {
        String v = get(key);
        if (v == null)    v = defaultValue;
        return v;
    }

    @Override
    public String put(String key, String value) {
        if (value == null)    throw new IllegalArgumentException("Null value not allowed as an environment variable: " + key);
        return super.put(key, value);
    }

    /**
     * Add a key/value but only if the value is not-null. Otherwise no-op.
     * @since 1.556
     */
    public void putIfNotNull(String key, String value) {
        if (value != null)
            put(key, value);
    }

    /**
     * Add entire map but filter null values out.
     * @since 2.214
     */
    public void putAllNonNull(Map<String, String> map) {
        map.forEach(this::putIfNotNull);
    }

    /**
     * Takes a string that looks like "a=b" and adds that to this map.
     */
    public void addLine(String line) {
        int sep = line.indexOf('=');
        if (sep > 0) {
            put(line.substring(0, sep), line.substring(sep + 1));
        }
    }

    /**
     * Expands the variables in the given string by using environment variables represented in 'this'.
     */
    public String expand(String s) {
        return Util.replaceMacro(s, this);
    }

    /**
     * Creates a magic cookie that can be used as the model environment variable
     * when we later kill the processes.
     */
    public static EnvVars createCookie() {
        return new EnvVars("HUDSON_COOKIE", UUID.randomUUID().toString());
    }

    /**
     * Environmental variables that we've inherited.
     *
     * <p>
     * Despite what the name might imply, this is the environment variable
     * of the current JVM process.
     */
    public static final Map<String, String> masterEnvVars = initMaster();

    private static EnvVars initMaster() {
        return new EnvVars(System.getenv());
    }
}
