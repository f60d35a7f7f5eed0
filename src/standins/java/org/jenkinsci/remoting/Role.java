// Stand-in for jenkinsci/remoting src/main/java/org/jenkinsci/remoting/Role.java @ 3261.v9c670a_4748a_9 (complete, behaviour ported; see docs/standins.md)
package org.jenkinsci.remoting;

import java.util.Collection;
import java.util.Set;

/**
 * Represents different roles two sides of the channel play.
 */
public final class Role {
    private final String name;

    public Role(String name) {
        this.name = name;
    }

    public Role(Class<?> name) {
        this(name.getName());
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return super.toString() + "[" + name + "]";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Role && ((Role) obj).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    public static final Role UNKNOWN = new Role("unknown");

    public static final Collection<Role> UNKNOWN_SET = Set.of(UNKNOWN);
}
