// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package jenkins.security;

import hudson.remoting.Callable;

public abstract class MasterToSlaveCallable<V, T extends Throwable> implements Callable<V, T> {
}
