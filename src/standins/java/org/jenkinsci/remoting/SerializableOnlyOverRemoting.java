// Stand-in for jenkinsci/remoting src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java @ 3261.v9c670a_4748a_9 (signatures only; see docs/standins.md)
package org.jenkinsci.remoting;

import java.io.Serializable;

/**
 * Marker for objects that are only serializable over a remoting channel.
 * Omitted upstream member: the default method {@code getChannelForSerialization()}.
 */
public interface SerializableOnlyOverRemoting extends Serializable {
}
