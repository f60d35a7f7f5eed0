package io.jenkins.plugins.rustcargo.jenkins.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.Item;
import io.jenkins.plugins.rustcargo.jenkins.form.FormCheck;
import io.jenkins.plugins.rustcargo.jenkins.form.FormCheck.Kind;
import org.junit.jupiter.api.Test;

/** The form checks answer with the engine's own one-line messages, and only to those allowed to configure. */
class StepValidationTest {
    private final RustCargoStep.DescriptorImpl descriptor = new RustCargoStep.DescriptorImpl();

    private static Item item(boolean mayConfigure) {
        Item item = mock(Item.class);
        when(item.hasPermission(Item.CONFIGURE)).thenReturn(mayConfigure);
        return item;
    }

    @Test
    void argsQuotingErrorsUseTheEngineMessage() {
        FormCheck v = descriptor.checkArgs(item(true), "test --features 'a b");
        assertEquals(Kind.ERROR, v.kind());
        assertEquals("args has an unterminated single quote in 'test --features 'a b': close the quote,"
                + " or pass args as a list", v.message());
        assertEquals(Kind.ERROR, descriptor.checkArgs(item(true), "  ").kind());
        assertEquals(Kind.OK, descriptor.checkArgs(item(true), "test -- --nocapture").kind());
    }

    @Test
    void outputRegexErrorsUseTheEngineMessage() {
        FormCheck v = StepValidation.output("release/(?!deps).*");
        assertEquals(Kind.ERROR, v.kind());
        assertEquals("output pattern 'release/(?!deps).*' is not a valid regex (invalid or unsupported Perl syntax:"
                + " `(?!`: negative lookahead, which RE2 does not support); example: 'release/[^/.]+'", v.message());
        assertEquals(Kind.ERROR, StepValidation.output("release/[").kind());
        assertEquals(Kind.OK, StepValidation.output("release/[^/.]+").kind());
        assertEquals(Kind.OK, StepValidation.output("").kind());
    }

    @Test
    void imageErrorsUseTheEngineMessageWithTheParameterName() {
        FormCheck v = StepValidation.image("rust::1");
        assertEquals(Kind.ERROR, v.kind());
        assertEquals("image 'rust::1' is not a valid image reference: use NAME[:TAG][@DIGEST] such as"
                + " 'rust:1-bookworm' or 'registry.example.com/rust:1.95'", v.message());
        assertEquals(Kind.OK, StepValidation.image("127.0.0.1:5000/rust:1-bookworm").kind());
        assertEquals(Kind.OK, StepValidation.image("").kind());
    }

    @Test
    void cacheKeyErrorsUseTheEngineMessage() {
        FormCheck v = descriptor.checkCacheKey(item(true), "../escape");
        assertEquals(Kind.ERROR, v.kind());
        assertEquals("cacheKey '../escape' is not valid: use 1-128 letters, digits, '.', '_'"
                + " or '-', starting with a letter or digit", v.message());
        assertEquals(Kind.OK, descriptor.checkCacheKey(item(true), "").kind());
        assertEquals(Kind.OK, descriptor.checkCacheKey(item(true), "team-app.main_1").kind());
    }

    @Test
    void addressErrorsUseTheEngineMessage() {
        FormCheck v = StepValidation.addr("http://buildkit:1234");
        assertEquals(Kind.ERROR, v.kind());
        assertEquals(Kind.OK, StepValidation.addr("docker-container://buildkitd").kind());
        assertEquals(Kind.OK, StepValidation.addr("").kind());
    }

    @Test
    void peopleWhoMayNotConfigureTheJobGetNoAnswer() {
        assertEquals(Kind.OK, descriptor.checkArgs(item(false), "'unterminated").kind());
        assertEquals(Kind.OK, descriptor.checkOutput(item(false), "(?=x)").kind());
        assertEquals(Kind.OK, descriptor.checkCacheKey(item(false), "../x").kind());
        assertEquals(Kind.ERROR, descriptor.checkOutput(item(true), "(?=x)").kind());
    }
}
