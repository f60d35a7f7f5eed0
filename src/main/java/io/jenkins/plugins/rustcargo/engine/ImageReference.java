package io.jenkins.plugins.rustcargo.engine;

import java.util.regex.Pattern;

/**
 * The one place that decides whether a toolchain image reference is well formed, following the
 * reference grammar registries and BuildKit use: {@code [HOST[:PORT]/]PATH[:TAG][@DIGEST]} with
 * lower-case path components. A malformed reference such as {@code rust::1} is refused before any
 * daemon is contacted, instead of failing inside BuildKit's Dockerfile parser.
 */
public final class ImageReference {
    private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*(?::[0-9]{1,5})?";
    private static final String PATH_PART = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_PART + "(?:/" + PATH_PART + ")*";
    private static final String TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile(NAME + "(?::" + TAG + ")?(?:@" + DIGEST + ")?");
    private static final int MAX_LENGTH = 512;

    private ImageReference() {}

    /** Returns {@code ref} when it is well formed; {@code what} names the flag or parameter. */
    public static String validate(String what, String ref) throws InvalidRequestException {
        if (ref == null || ref.length() > MAX_LENGTH || !REFERENCE.matcher(ref).matches()) {
            throw new InvalidRequestException(what + " '" + ref + "' is not a valid image reference: use NAME[:TAG][@DIGEST]"
                    + " such as 'rust:1-bookworm' or 'registry.example.com/rust:1.95'");
        }
        return ref;
    }
}
