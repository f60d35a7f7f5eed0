// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/util/VariableResolver.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.util;

import java.util.Map;

/**
 * Resolves variables to its value, while encapsulating
 * how that resolution happens.
 * Omitted upstream member: the nested class {@code Union}.
 */
public interface VariableResolver<V> {
    /**
     * Receives a variable name and obtains the value associated with the name.
     *
     * @return Null if the variable is not found
     */
    V resolve(String name);

    /**
     * Empty resolver that always returns null.
     */
    VariableResolver NONE = name -> null;

    /**
     * {@link VariableResolver} backed by a {@link Map}.
     */
    final class ByMap<V> implements VariableResolver<V> {
        private final Map<String, V> data;

        public ByMap(Map<String, V> data) {
            this.data = data;
        }

        @Override
        public V resolve(String name) {
            return data.get(name);
        }
    }
}
