// Stand-in for jenkinsci/remoting src/main/java/hudson/remoting/Channel.java @ 3261.v9c670a_4748a_9 (signatures only; see docs/standins.md)
package hudson.remoting;

/**
 * Represents a communication channel to the remote peer.
 * Only present because {@link hudson.Launcher#launchChannel} names it; no members are mirrored,
 * and the upstream supertypes ({@code VirtualChannel, IChannel, Closeable}) are left out.
 * Cannot be instantiated in the stand-in world.
 */
public class Channel {
    private Channel() {
        throw new UnsupportedOperationException("stand-in");
    }
}
