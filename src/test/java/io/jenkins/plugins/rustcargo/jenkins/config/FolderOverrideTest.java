package io.jenkins.plugins.rustcargo.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.Job;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import io.jenkins.plugins.rustcargo.jenkins.step.StepDefaults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Folder overrides: the nearest folder that sets a field wins; blank fields inherit. */
class FolderOverrideTest {
    private static final StepDefaults GLOBAL = new StepDefaults() {
        @Override
        public String image() {
            return "rust:global";
        }

        @Override
        public String buildkitAddress() {
            return "tcp://buildkit:1234";
        }

        @Override
        public SweepPolicy sweepPolicy() {
            return new SweepPolicy(7, 20_000_000_000L);
        }

        @Override
        public String cacheNamespace(Job<?, ?> job) {
            return "default";
        }
    };

    /** team sets the namespace and a max age; team/app sets the image; other sets nothing. */
    private static final FolderChain FOLDERS = FolderChain.byPath(Map.of(
            "team", new FolderOverride("team-a", "", "3", ""),
            "team/app", new FolderOverride("", "rust:app", "", ""),
            "team/app/inner", new FolderOverride("", "", "", "5G"))::get);

    @SuppressWarnings("rawtypes")
    private static Job job(String fullName) {
        Job job = mock(Job.class);
        when(job.getFullName()).thenReturn(fullName);
        return job;
    }

    @SuppressWarnings("unchecked")
    private static StepDefaults forJob(String fullName) {
        Job<?, ?> job = job(fullName);
        return FolderOverride.nearestWins(FOLDERS.around(job)).over(GLOBAL);
    }

    @Test
    void eachFieldComesFromTheNearestFolderThatSetsIt() {
        StepDefaults d = forJob("team/app/main");
        assertEquals("rust:app", d.image(), "from team/app");
        assertEquals("team-a", d.cacheNamespace(job("team/app/main")), "from team");
        assertEquals(new SweepPolicy(3, 20_000_000_000L), d.sweepPolicy(), "max age from team, size global");
        assertEquals("tcp://buildkit:1234", d.buildkitAddress(), "folders do not choose the daemon");

        StepDefaults inner = forJob("team/app/inner/job");
        assertEquals(new SweepPolicy(3, 5L * 1024 * 1024 * 1024), inner.sweepPolicy(), "the nearest folder's size, the outer one's age");
        assertEquals("rust:app", inner.image());
    }

    @Test
    void theNearestFolderWinsOverOuterOnes() {
        FolderOverride merged = FolderOverride.nearestWins(List.of(new FolderOverride("", "rust:inner", "1", ""),
                new FolderOverride("outer", "rust:outer", "9", "9G")));
        assertEquals(new FolderOverride("outer", "rust:inner", "1", "9G"), merged);
    }

    @Test
    void jobsOutsideTheFoldersKeepTheGlobalDefaults() {
        assertSame(GLOBAL, forJob("other/app"));
        assertSame(GLOBAL, forJob("top-level-job"));
        assertSame(GLOBAL, forJob("teamwork/app"), "a folder named like the start of another is not its parent");
    }

    @Test
    void aBadValueNamesItsField() {
        InvalidFieldException ns = assertThrows(InvalidFieldException.class, () -> new FolderOverride("team a", "", "", ""));
        assertEquals("namespace", ns.field());
        assertTrue(ns.getMessage().contains("cache namespace 'team a' is not valid"), ns.getMessage());
        assertEquals("targetMaxAgeDays", assertThrows(InvalidFieldException.class, () -> new FolderOverride("", "", "soon", "")).field());
        assertEquals("targetMaxSize", assertThrows(InvalidFieldException.class, () -> new FolderOverride("", "", "", "big")).field());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGlobalConfigurationIsWhatFoldersOverride() {
        UnsavedConfiguration config = new UnsavedConfiguration();
        config.setDefaultImage("rust:configured");
        Job<?, ?> inTeam = job("team/main");
        StepDefaults d = config.forJob(inTeam, FOLDERS);
        assertEquals("rust:configured", d.image(), "team sets no image");
        assertEquals("team-a", d.cacheNamespace(inTeam));
        assertEquals(3.0, d.sweepPolicy().maxAgeDays());
        assertEquals(config.targetPolicy().maxSizeBytes(), d.sweepPolicy().maxSizeBytes());
        assertSame(config, config.forJob(job("solo"), FOLDERS), "a job in no folder gets the configuration itself");
    }
}
