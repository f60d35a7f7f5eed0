package io.jenkins.plugins.rustcargo.jenkins.report;

import io.jenkins.plugins.rustcargo.engine.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One {@code rustCargo} call as the build report keeps it. A plain class rather than the engine's
 * {@link RunSummary} record: Jenkins stores actions in build.xml with XStream, which cannot
 * rebuild records. Exported one level below the report, so a build's {@code /api/json} lists the
 * calls with their numbers.
 */
@ExportedBean(defaultVisibility = 3)
public final class CargoCall {
    private String stage;
    private String command;
    private String cacheKey;
    private int exitCode;
    private long wallMillis;
    private long lockWaitMillis;
    private long cargoMillis;
    private int compiled;
    private int fresh;
    private int downloaded;
    private List<String> downloadedCrates;
    private List<ExportedOutput> outputs;
    private long targetBytes;
    private long sweptBytes;
    private int sweptUnits;
    private String daemon;
    /** Why cargo compiled what it did, e.g. "3 rebuilt: source changed in tally; 2 dependents". */
    private String rebuilds;
    private List<String> rebuiltUnits;

    /** A file copied from the target cache into the workspace's {@code target/}. */
    @ExportedBean(defaultVisibility = 4)
    public static final class ExportedOutput {
        private final String path;
        private final long bytes;

        ExportedOutput(String path, long bytes) {
            this.path = path;
            this.bytes = bytes;
        }

        @Exported
        public String getPath() {
            return path;
        }

        @Exported
        public long getBytes() {
            return bytes;
        }

        public String getSize() {
            return bytes(bytes);
        }
    }

    public static CargoCall of(RunSummary s, String stage) {
        CargoCall c = new CargoCall();
        c.stage = stage == null || stage.isEmpty() ? null : stage;
        c.command = s.command();
        c.cacheKey = s.cacheKey();
        c.exitCode = s.exitCode();
        c.wallMillis = s.wallMillis();
        c.lockWaitMillis = s.lockWaitMillis();
        c.cargoMillis = s.cargoMillis();
        c.compiled = s.compiled();
        c.fresh = s.fresh();
        c.downloaded = s.downloaded();
        c.downloadedCrates = new ArrayList<>(s.downloadedCrates());
        c.outputs = new ArrayList<>();
        for (RunSummary.ExportedFile f : s.outputs()) {
            c.outputs.add(new ExportedOutput(f.path(), f.bytes()));
        }
        c.targetBytes = s.targetBytes();
        c.sweptBytes = s.sweptBytes();
        c.sweptUnits = s.sweptUnits();
        c.daemon = s.daemon();
        if (s.rebuilds() != null) {
            c.rebuilds = s.rebuilds().line();
            c.rebuiltUnits = s.rebuilds().units().stream().map(RunSummary.RebuiltUnit::toString).toList();
        }
        return c;
    }

    /** Declarative/{@code stage} name, or null outside stages. */
    @Exported
    public String getStage() {
        return stage;
    }

    @Exported
    public String getCommand() {
        return command;
    }

    @Exported
    public String getCacheKey() {
        return cacheKey;
    }

    @Exported
    public int getExitCode() {
        return exitCode;
    }

    public boolean isSucceeded() {
        return exitCode == 0;
    }

    @Exported
    public long getWallMillis() {
        return wallMillis;
    }

    @Exported
    public long getLockWaitMillis() {
        return lockWaitMillis;
    }

    @Exported
    public long getCargoMillis() {
        return cargoMillis;
    }

    @Exported
    public int getCompiled() {
        return compiled;
    }

    @Exported
    public int getFresh() {
        return fresh;
    }

    @Exported
    public int getDownloaded() {
        return downloaded;
    }

    @Exported
    public List<String> getDownloadedCrates() {
        return downloadedCrates == null ? List.of() : List.copyOf(downloadedCrates);
    }

    @Exported
    public List<ExportedOutput> getOutputs() {
        return outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** Size of the target cache after this build's sweep. */
    @Exported
    public long getTargetBytes() {
        return targetBytes;
    }

    @Exported
    public long getSweptBytes() {
        return sweptBytes;
    }

    @Exported
    public int getSweptUnits() {
        return sweptUnits;
    }

    /** The BuildKit daemon the call ran on (null in reports older than pools). */
    @Exported
    public String getDaemon() {
        return daemon;
    }

    /** One line on why cargo rebuilt (null when it compiled nothing, or in older reports). */
    @Exported
    public String getRebuilds() {
        return rebuilds;
    }

    /** Per compiled unit: "package (target): reason [file]". */
    @Exported
    public List<String> getRebuiltUnits() {
        return rebuiltUnits == null ? List.of() : List.copyOf(rebuiltUnits);
    }

    public String getDuration() {
        return seconds(wallMillis);
    }

    public String getLockWait() {
        return seconds(lockWaitMillis);
    }

    public String getTargetSize() {
        return bytes(targetBytes);
    }

    public String getSweptSize() {
        return bytes(sweptBytes);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
