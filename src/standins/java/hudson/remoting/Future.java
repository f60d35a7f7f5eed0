// Stand-in: the remoting alias of java.util.concurrent.Future, returned by callAsync.
package hudson.remoting;

public interface Future<V> extends java.util.concurrent.Future<V> {
}
