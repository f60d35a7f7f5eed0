package io.jenkins.plugins.rustcargo.jenkins.cache;

import io.jenkins.plugins.rustcargo.jenkins.config.RustCargoConfiguration;
import io.jenkins.plugins.rustcargo.jenkins.security.AccessCheck;
import io.jenkins.plugins.rustcargo.jenkins.security.RustCargoPermissions;
import io.jenkins.plugins.rustcargo.jenkins.sweep.AgentDaemon;
import io.jenkins.plugins.rustcargo.jenkins.sweep.ByteSizes;
import io.jenkins.plugins.rustcargo.jenkins.sweep.InventoryCache;
import io.jenkins.plugins.rustcargo.jenkins.sweep.ScheduleMatcher;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepRecord;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepService;
import jenkins.YesNoMaybe;
import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.rustcargo.engine.CacheIds;
import io.jenkins.plugins.rustcargo.engine.CacheMount;
import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → Rust Cargo caches: each online agent's cache mounts (from {@code buildctl
 * du} on the agent), its sweep history, and a button to sweep now. Seeing it takes
 * {@link RustCargoPermissions#VIEW_CACHES}, sweeping {@link RustCargoPermissions#MANAGE_CACHES}: the
 * page runs commands on every agent.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
public final class CacheManagementLink extends ManagementLink implements StaplerProxy {
    @Override
    public String getIconFileName() {
        return "symbol-file-tray";
    }

    @Override
    public String getDisplayName() {
        return Messages.CacheManagementLink_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.CacheManagementLink_Description();
    }

    @Override
    public String getUrlName() {
        return "rust-cargo-caches";
    }

    @Override
    protected String getCategoryName() {
        return "STATUS";
    }

    /** Every request to the page or its actions goes through this permission check. */
    @Override
    public Permission getRequiredPermission() {
        return RustCargoPermissions.VIEW_CACHES;
    }

    /** Whether the user may sweep; the page hides the buttons otherwise. */
    public boolean isManageable() {
        return AccessCheck.current().hasAny(RustCargoPermissions.MANAGE_CACHES);
    }

    @Override
    public Object getTarget() {
        AccessCheck.current().checkAny(RustCargoPermissions.VIEW_CACHES);
        return this;
    }

    /**
     * Online agents with their last listed cache mounts, then offline or removed agents that have
     * a history. Never waits for an agent: listings run in the background ({@link InventoryCache}).
     */
    public List<AgentView> getAgents() {
        SweepService service = SweepService.get();
        Set<String> online = new LinkedHashSet<>();
        List<AgentView> views = new ArrayList<>();
        for (ScheduleMatcher.Agent a : service.agents()) {
            if (a.online()) {
                online.add(a.name());
                views.add(view(service, a.name(), service.inventories().get(a.name())));
            }
        }
        for (String agent : service.history().agents()) {
            if (!online.contains(agent)) {
                views.add(view(service, agent, new AgentDaemon.Inventory("", List.of(), Messages.CacheManagementLink_OfflineOrRemoved())));
            }
        }
        return views;
    }

    /** Lists every online agent's cache mounts again, in the background. */
    @POST
    public HttpResponse doRefresh() {
        AccessCheck.current().checkAny(RustCargoPermissions.VIEW_CACHES);
        SweepService service = SweepService.get();
        for (ScheduleMatcher.Agent a : service.agents()) {
            if (a.online()) {
                service.inventories().refresh(a.name());
            }
        }
        return HttpResponses.redirectToDot();
    }

    private static AgentView view(SweepService service, String agent, AgentDaemon.Inventory inventory) {
        String running = service.dispatcher().runningOn(agent).map(r -> r.trigger()).orElse(null);
        return new AgentView(agent, inventory, service.history().of(agent), running);
    }

    /**
     * Sweeps one agent ({@code agent} = its name) or, with no agent, every online agent, with
     * the global target thresholds and no pruning. Sweeps run in the background; the page shows
     * them as running and then in the history.
     */
    @POST
    public HttpResponse doSweepNow(@QueryParameter String agent) {
        AccessCheck.current().checkAny(RustCargoPermissions.MANAGE_CACHES);
        SweepService service = SweepService.get();
        CacheSweeper.Settings settings = new CacheSweeper.Settings(RustCargoConfiguration.get().targetPolicy(), null, -1, -1);
        long clicked = System.currentTimeMillis();
        for (ScheduleMatcher.Agent a : service.agents()) {
            boolean wanted = agent == null || agent.isBlank() || a.name().equals(agent);
            if (wanted && a.online()) {
                service.sweep(a.name(), settings, "manual", clicked);
            }
        }
        return HttpResponses.redirectToDot();
    }

    /** One agent on the page. */
    public static final class AgentView {
        private final String name;
        private final AgentDaemon.Inventory inventory;
        private final List<SweepRecord> history;
        private final String runningSweep;

        AgentView(String name, AgentDaemon.Inventory inventory, List<SweepRecord> history, String runningSweep) {
            this.name = name;
            this.inventory = inventory;
            this.history = history;
            this.runningSweep = runningSweep;
        }

        public String getName() {
            return name;
        }

        public String getDaemon() {
            return inventory.daemon();
        }

        /** Why the mounts cannot be listed, or null. */
        public String getProblem() {
            return inventory.problem();
        }

        public List<MountView> getMounts() {
            return inventory.mounts().stream().map(MountView::new).toList();
        }

        public String getTotalSizeText() {
            return ByteSizes.format(inventory.mounts().stream().mapToLong(CacheMount::sizeBytes).sum());
        }

        public List<SweepRecord> getHistory() {
            return history;
        }

        /** The trigger of the sweep running now, or null. */
        public String getRunningSweep() {
            return runningSweep;
        }
    }

    /** One cache mount on the page. */
    public static final class MountView {
        private final CacheMount mount;

        MountView(CacheMount mount) {
            this.mount = mount;
        }

        public String getCacheId() {
            return mount.cacheId();
        }

        /** "CARGO_HOME", "target" or "other" (a cache mount that is not rust-cargo's). */
        public String getKind() {
            if (mount.isTargetCache()) {
                return "target";
            }
            return mount.isRustCargo() && mount.cacheId().endsWith("/cargo-home") ? "CARGO_HOME" : "other";
        }

        /** The namespace of a rust-cargo cache, or "". */
        public String getNamespace() {
            return CacheIds.parseTargetId(mount.cacheId()).map(CacheIds.TargetCache::namespace).orElseGet(() -> {
                String[] parts = mount.cacheId().split("/");
                return mount.isRustCargo() && parts.length > 1 ? parts[1] : "";
            });
        }

        public String getSizeText() {
            return ByteSizes.format(mount.sizeBytes());
        }

        public long getSizeBytes() {
            return mount.sizeBytes();
        }

        public String getLastUsedText() {
            return mount.lastUsed() == null ? "unknown" : mount.lastUsed().toString();
        }

        public boolean isInUse() {
            return mount.inUse();
        }

        public int getUsageCount() {
            return mount.usageCount();
        }
    }
}
