// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package jenkins;

public enum YesNoMaybe {
    YES, NO, MAYBE
}
