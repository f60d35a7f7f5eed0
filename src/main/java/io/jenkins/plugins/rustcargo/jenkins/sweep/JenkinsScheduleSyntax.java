package io.jenkins.plugins.rustcargo.jenkins.sweep;

import hudson.model.Label;
import hudson.model.labels.LabelAtom;
import hudson.scheduler.CronTabList;
import hudson.scheduler.Hash;
import java.util.Calendar;
import java.util.HashSet;
import java.util.Set;

/**
 * {@link ScheduleSyntax} on core's parsers: {@link CronTabList} with {@link Hash} for cron specs,
 * {@link Label#parseExpression} for label expressions, so a schedule means in rust-cargo exactly
 * what the same text means in a job's configuration.
 */
final class JenkinsScheduleSyntax implements ScheduleSyntax {
    @Override
    public Cron cron(String spec, String hashSeed) {
        CronTabList tab = CronTabList.create(spec, Hash.from(hashSeed));
        return new Cron() {
            @Override
            public boolean matches(Calendar minute) {
                return tab.check(minute);
            }

            @Override
            public String sanityWarning() {
                return tab.checkSanity();
            }
        };
    }

    @Override
    public LabelMatch label(String expression) {
        Label label = Label.parseExpression(expression);
        return names -> {
            Set<LabelAtom> atoms = new HashSet<>();
            for (String name : names) {
                atoms.add(LabelAtom.get(name));
            }
            return label.matches(atoms);
        };
    }
}
