// Stand-in for jenkinsci/remoting src/main/java/hudson/remoting/Future.java @ 3261.v9c670a_4748a_9 (complete; see docs/standins.md)
package hudson.remoting;

/**
 * Alias to {@link java.util.concurrent.Future}, kept for API compatibility.
 */
public interface Future<V> extends java.util.concurrent.Future<V> {}
