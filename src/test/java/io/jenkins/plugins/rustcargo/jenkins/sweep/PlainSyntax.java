package io.jenkins.plugins.rustcargo.jenkins.sweep;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with {@link PlainCron} and {@link PlainLabels} as the {@link ScheduleSyntax},
 * so schedule logic is tested on our own small parsers and not through Jenkins core's.
 * Use with {@code @ExtendWith(PlainSyntax.class)}.
 */
public final class PlainSyntax implements ScheduleSyntax, BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(PlainSyntax.class);

    @Override
    public Cron cron(String spec, String hashSeed) {
        return PlainCron.parse(spec, hashSeed);
    }

    @Override
    public LabelMatch label(String expression) {
        return PlainLabels.parse(expression);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(STORE).put("before", ScheduleSyntax.use(this));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ScheduleSyntax.use(context.getStore(STORE).get("before", ScheduleSyntax.class));
    }
}
