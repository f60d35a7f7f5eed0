package io.jenkins.plugins.rustcargo.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hudson.security.Permission;
import io.jenkins.plugins.rustcargo.jenkins.cache.CacheManagementLink;
import io.jenkins.plugins.rustcargo.jenkins.config.RustCargoConfiguration;
import io.jenkins.plugins.rustcargo.jenkins.config.UnsavedConfiguration;
import io.jenkins.plugins.rustcargo.jenkins.security.RoleAccess;
import io.jenkins.plugins.rustcargo.jenkins.security.RustCargoPermissions;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepSchedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every action and form check of the configuration, the schedules and the cache page, tried by
 * each role: which permission it asks for, and who gets through. Whatever runs after a passed
 * check needs a live Jenkins and fails differently here; only AccessDeniedException means "refused".
 */
class PermissionRolesTest {
    private static final Permission MANAGE_CACHES = RustCargoPermissions.MANAGE_CACHES;
    private static final Permission VIEW_CACHES = RustCargoPermissions.VIEW_CACHES;
    private static final List<Permission> CONFIGURE = List.of(Jenkins.MANAGE);
    private static final List<Permission> READ_CONFIG = List.of(Jenkins.SYSTEM_READ, Jenkins.MANAGE);

    private interface Action {
        void run() throws Exception;
    }

    private record Case(List<Permission> asks, Action action) {}

    private static Map<String, Case> actions() {
        RustCargoConfiguration config = new UnsavedConfiguration();
        SweepSchedule.DescriptorImpl schedule = new SweepSchedule.DescriptorImpl();
        CacheManagementLink page = new CacheManagementLink();
        Map<String, Case> all = new LinkedHashMap<>();
        all.put("submit the configuration", new Case(CONFIGURE, () -> config.configure(null, null)));
        all.put("fill the namespace policies", new Case(READ_CONFIG, config::doFillCacheNamespacePolicyItems));
        all.put("check the daemon address", new Case(CONFIGURE, () -> config.doCheckBuildkitAddress("tcp://b:1234")));
        all.put("check the max age", new Case(CONFIGURE, () -> config.doCheckTargetMaxAgeDays("7")));
        all.put("check the max size", new Case(CONFIGURE, () -> config.doCheckTargetMaxSize("20G")));
        all.put("check the agent label", new Case(CONFIGURE, () -> config.doCheckAgentLabel("rust")));
        all.put("check a schedule's spec", new Case(CONFIGURE, () -> schedule.doCheckSpec("H 3 * * *", "rust")));
        all.put("check a schedule's label", new Case(CONFIGURE, () -> schedule.doCheckLabel("rust")));
        all.put("check a schedule's max age", new Case(CONFIGURE, () -> schedule.doCheckTargetMaxAgeDays("2")));
        all.put("check a schedule's max size", new Case(CONFIGURE, () -> schedule.doCheckTargetMaxSize("2G")));
        all.put("check a schedule's prune days", new Case(CONFIGURE, () -> schedule.doCheckPruneUnusedDays("30")));
        all.put("check a schedule's keep storage", new Case(CONFIGURE, () -> schedule.doCheckPruneKeepStorage("100G")));
        all.put("open the cache page", new Case(List.of(VIEW_CACHES), page::getTarget));
        all.put("list the caches again", new Case(List.of(VIEW_CACHES), page::doRefresh));
        all.put("sweep now", new Case(List.of(MANAGE_CACHES), () -> page.doSweepNow("agent-1")));
        return all;
    }

    /** Runs the action as a user with these permissions: true when it got past its permission check. */
    private static boolean allowed(Case c, Permission... granted) {
        try (RoleAccess user = RoleAccess.holding(granted)) {
            boolean passed;
            try {
                c.action().run();
                passed = true;
            } catch (AccessDeniedException e) {
                passed = false;
            } catch (Exception | LinkageError e) {
                passed = true; // beyond the check: the stand-ins have no Jenkins behind them
            }
            assertEquals(List.of(c.asks()), user.asked(), "one check, first, for exactly this permission");
            return passed;
        }
    }

    private static void assertRole(Set<String> mayDo, Permission... granted) {
        actions().forEach((name, c) -> assertEquals(mayDo.contains(name), allowed(c, granted),
                List.of(granted) + (mayDo.contains(name) ? " may " : " may not ") + name));
    }

    private static final Set<String> CONFIG_ACTIONS = Set.of("submit the configuration", "fill the namespace policies",
            "check the daemon address", "check the max age", "check the max size", "check the agent label", "check a schedule's spec",
            "check a schedule's label", "check a schedule's max age", "check a schedule's max size", "check a schedule's prune days",
            "check a schedule's keep storage");

    @Test
    void anAdministratorMayDoEverything() {
        assertRole(actions().keySet(), Jenkins.ADMINISTER);
    }

    @Test
    void overallManageConfiguresTheSchedulesButNotTheCaches() {
        assertRole(CONFIG_ACTIONS, Jenkins.MANAGE);
    }

    @Test
    void overallSystemReadOnlySeesTheConfiguration() {
        assertRole(Set.of("fill the namespace policies"), Jenkins.SYSTEM_READ);
    }

    @Test
    void viewCachesSeesTheCachePageButDoesNotSweep() {
        assertRole(Set.of("open the cache page", "list the caches again"), VIEW_CACHES);
    }

    @Test
    void manageCachesAlsoSweeps() {
        assertRole(Set.of("open the cache page", "list the caches again", "sweep now"), MANAGE_CACHES);
    }

    @Test
    void overallReadGetsNothing() {
        assertRole(Set.of(), Jenkins.READ);
    }

    @Test
    void thePagesDeclareTheirPermissionsToJenkins() {
        assertSame(Jenkins.MANAGE, new UnsavedConfiguration().getRequiredGlobalConfigPagePermission(),
                "Overall/Manage edits the page; core shows it read-only for Overall/SystemRead");
        assertSame(VIEW_CACHES, new CacheManagementLink().getRequiredPermission(), "the Manage Jenkins link shows for cache viewers");
        assertSame(MANAGE_CACHES, VIEW_CACHES.impliedBy);
        assertSame(Jenkins.ADMINISTER, MANAGE_CACHES.impliedBy, "Overall/Administer implies the group");
        assertSame(RustCargoPermissions.GROUP, VIEW_CACHES.group);
        assertEquals(List.of("ManageCaches", "ViewCaches"), List.of(MANAGE_CACHES.name, VIEW_CACHES.name));
    }

    @Test
    void theSweepButtonsShowOnlyToThoseWhoMaySweep() {
        CacheManagementLink page = new CacheManagementLink();
        try (RoleAccess viewer = RoleAccess.holding(VIEW_CACHES)) {
            assertFalse(page.isManageable());
        }
        try (RoleAccess admin = RoleAccess.holding(Jenkins.ADMINISTER)) {
            assertTrue(page.isManageable());
        }
    }

    @Test
    void theInstalledCheckIsRestored() {
        try (RoleAccess outer = RoleAccess.holding(Jenkins.ADMINISTER)) {
            try (RoleAccess inner = RoleAccess.holding()) {
                assertFalse(allowed(actions().get("sweep now")));
            }
            try {
                new CacheManagementLink().getTarget();
            } catch (AccessDeniedException e) {
                fail("the outer user is back after the inner one closed");
            }
        }
    }
}
