package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {
    @Test
    void acceptsWhatRegistriesAccept() throws Exception {
        for (String ok : new String[] {"rust", "rust:1-bookworm", "library/rust:1.95", "127.0.0.1:5000/rust:1-bookworm",
            "registry.example.com/team/rust-tools:v1_2", "ghcr.io/a__b/c-d.e:latest",
            "rust@sha256:" + "0123456789abcdef".repeat(4), "localhost:5000/rust:1@sha256:" + "ab".repeat(32)}) {
            assertEquals(ok, ImageReference.validate("image", ok));
        }
    }

    @Test
    void refusesMalformedReferences() {
        for (String bad : new String[] {"rust::1", "Rust:1", "rust:", ":1", "rust 1", "rust:1:2", "-rust", "rust/", "//rust",
            "rust@sha256:abc", "rust:" + "a".repeat(129), "rust:1\nFROM evil"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> ImageReference.validate("--image", bad), bad);
            assertEquals("--image '" + bad + "' is not a valid image reference: use NAME[:TAG][@DIGEST] such as 'rust:1-bookworm'"
                    + " or 'registry.example.com/rust:1.95'", e.getMessage());
        }
    }
}
