// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package jenkins;

import hudson.FilePath.FileCallable;

public abstract class MasterToSlaveFileCallable<T> implements FileCallable<T> {
}
