// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson;

import java.util.AbstractList;
import java.util.Iterator;

public class ExtensionList<T> extends AbstractList<T> {
    private ExtensionList() {
    }

    @Override
    public Iterator<T> iterator() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("stand-in");
    }
}
