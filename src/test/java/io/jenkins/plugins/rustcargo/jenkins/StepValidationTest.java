package io.jenkins.plugins.rustcargo.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.Item;
import hudson.util.FormValidation;
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
        FormValidation v = descriptor.doCheckArgs(item(true), "test --features 'a b");
        assertEquals(FormValidation.Kind.ERROR, v.kind);
        assertEquals("args has an unterminated single quote in &#039;test --features &#039;a b&#039;: close the quote,"
                + " or pass args as a list", v.getMessage());
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckArgs(item(true), "  ").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckArgs(item(true), "test -- --nocapture").kind);
    }

    @Test
    void outputRegexErrorsUseTheEngineMessage() {
        FormValidation v = StepValidation.output("release/(?!deps).*");
        assertEquals(FormValidation.Kind.ERROR, v.kind);
        assertEquals("output pattern &#039;release/(?!deps).*&#039; is not a valid regex (invalid or unsupported Perl syntax:"
                + " `(?!`: negative lookahead, which RE2 does not support); example: &#039;release/[^/.]+&#039;", v.getMessage());
        assertEquals(FormValidation.Kind.ERROR, StepValidation.output("release/[").kind);
        assertEquals(FormValidation.Kind.OK, StepValidation.output("release/[^/.]+").kind);
        assertEquals(FormValidation.Kind.OK, StepValidation.output("").kind);
    }

    @Test
    void imageErrorsUseTheEngineMessageWithTheParameterName() {
        FormValidation v = descriptor.doCheckImage(item(true), "rust::1");
        assertEquals(FormValidation.Kind.ERROR, v.kind);
        assertEquals("image &#039;rust::1&#039; is not a valid image reference: use NAME[:TAG][@DIGEST] such as"
                + " &#039;rust:1-bookworm&#039; or &#039;registry.example.com/rust:1.95&#039;", v.getMessage());
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckImage(item(true), "127.0.0.1:5000/rust:1-bookworm").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckImage(item(true), "").kind);
    }

    @Test
    void cacheKeyErrorsUseTheEngineMessage() {
        FormValidation v = descriptor.doCheckCacheKey(item(true), "../escape");
        assertEquals(FormValidation.Kind.ERROR, v.kind);
        assertEquals("cacheKey &#039;../escape&#039; is not valid: use 1-128 letters, digits, &#039;.&#039;, &#039;_&#039;"
                + " or &#039;-&#039;, starting with a letter or digit", v.getMessage());
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckCacheKey(item(true), "").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckCacheKey(item(true), "team-app.main_1").kind);
    }

    @Test
    void addressErrorsUseTheEngineMessage() {
        FormValidation v = StepValidation.addr("http://buildkit:1234");
        assertEquals(FormValidation.Kind.ERROR, v.kind);
        assertEquals(FormValidation.Kind.OK, StepValidation.addr("docker-container://buildkitd").kind);
        assertEquals(FormValidation.Kind.OK, StepValidation.addr("").kind);
    }

    @Test
    void peopleWhoMayNotConfigureTheJobGetNoAnswer() {
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckArgs(item(false), "'unterminated").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckOutput(item(false), "(?=x)").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckCacheKey(item(false), "../x").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckOutput(item(true), "(?=x)").kind);
    }
}
