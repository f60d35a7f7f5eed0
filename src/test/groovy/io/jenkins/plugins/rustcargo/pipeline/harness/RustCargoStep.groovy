package io.jenkins.plugins.rustcargo.pipeline.harness

import io.jenkins.plugins.rustcargo.engine.BuildLog
import io.jenkins.plugins.rustcargo.engine.BuildkitAddress
import io.jenkins.plugins.rustcargo.engine.CacheKey
import io.jenkins.plugins.rustcargo.engine.CargoEngine
import io.jenkins.plugins.rustcargo.engine.CargoEnvironment
import io.jenkins.plugins.rustcargo.engine.CargoFailedException
import io.jenkins.plugins.rustcargo.engine.CargoRequest
import io.jenkins.plugins.rustcargo.engine.CargoResult
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost
import io.jenkins.plugins.rustcargo.engine.RustCargoException

import java.nio.file.Path

/**
 * The rustCargo step as the plugin runs it (RustCargoStep, CargoRequestFactory,
 * RustCargoStepExecution), on the real engine and the real buildkitd: the step's parameters, the
 * default cache key from job + stage (+ dir), cargo variables forwarded from the environment,
 * addr > BUILDKIT_HOST, the console lines as ConsoleBuildLog writes them, cargo failures as
 * AbortException with the engine's one line, returnStatus, and logFile (cargo's output lines
 * copied to a workspace file by the engine) and junitReport (the engine's JUnit report of libtest's
 * JSON events, relative to the cargo workspace), which rustTest publishes.
 * Unlike Jenkins, which only warns, an unknown parameter fails the call.
 */
class RustCargoStep {
    static final List<String> PARAMETERS = ['args', 'output', 'requireOutput', 'image', 'cacheKey', 'keepFingerprints',
            'returnStatus', 'addr', 'secretEnv', 'dir', 'logFile', 'junitReport']

    private final PipelineHarness harness
    final List<CargoCall> calls = Collections.synchronizedList(new ArrayList<CargoCall>())

    RustCargoStep(PipelineHarness harness) {
        this.harness = harness
    }

    Object call(Map p) {
        List<String> unknown = p.keySet().collect { k -> k as String }.findAll { k -> !PARAMETERS.contains(k) }
        if (unknown) {
            throw new IllegalArgumentException("rustCargo does not take parameter(s) ${unknown.join(', ')}: " +
                    "it takes ${PARAMETERS.join(', ')}")
        }
        Ctx ctx = harness.requireWorkspace('rustCargo')
        Map<String, String> env = harness.pipelineEnv()
        String dir = (p.dir ?: '.') as String
        String stage = env.STAGE_NAME ?: ''
        String cacheKey = p.cacheKey ? p.cacheKey as String : dir == '.' ? CacheKey.derive(env.JOB_NAME, stage) :
                CacheKey.derive(env.JOB_NAME, stage, dir)
        Path workspace = ctx.cwd.resolve(dir).normalize()
        CargoCall record = new CargoCall(params: new LinkedHashMap(p), stage: env.STAGE_NAME, branch: ctx.flow.branch,
                cacheKey: cacheKey, workspace: workspace.toString())
        calls << record
        try {
            CargoRequest.Builder request = CargoRequest.builder()
                    .workspace(workspace.toString())
                    .image((p.image ?: harness.defaultImage) as String)
                    .cacheKey(cacheKey)
                    .namespace(harness.namespace)
                    .output(p.output ? p.output as String : null)
                    .requireOutput(p.requireOutput as boolean)
                    .keepFingerprints(p.keepFingerprints == null ? true : p.keepFingerprints as boolean)
                    .hostEnv(env)
                    .junitReport(p.junitReport ? p.junitReport as String : null)
            if (p.logFile) {
                // The engine writes the copy, exactly as for the plugin's step.
                request.logFile(ctx.cwd.resolve(p.logFile as String).toAbsolutePath().toString())
            }
            if (p.args instanceof List) {
                request.args(p.args.collect { a -> a as String })
            } else {
                request.args(p.args as String)
            }
            List<String> secrets = secretNames(p.secretEnv)
            Map<String, String> cargoEnv = CargoEnvironment.forwardFrom(env)
            cargoEnv.keySet().removeAll(secrets)
            request.cargoEnv(cargoEnv)
            secrets.each { name -> request.secretEnv(name) }
            String addr = (p.addr ?: env.BUILDKIT_HOST) as String
            if (addr) {
                request.daemon(BuildkitAddress.of(addr))
            }
            ctx.flow.check()
            record.startNanos = System.nanoTime()
            CargoResult result = new CargoEngine(new LocalBuildHost(), consoleLog(ctx)).run(request.build())
            record.summary = result.summary()
            record.exitCode = 0
            return p.returnStatus ? 0 : null
        } catch (CargoFailedException e) {
            record.summary = e.summary()
            record.exitCode = e.exitCode()
            record.error = e.message
            if (p.returnStatus && e.exitCode() > 0) {
                return e.exitCode()
            }
            throw new AbortException(e.message)
        } catch (RustCargoException e) {
            record.error = e.message
            throw new AbortException(e.message)
        } catch (InterruptedException e) {
            record.error = 'interrupted'
            throw ctx.flow.interrupted(e)
        } finally {
            record.endNanos = System.nanoTime()
            if (record.startNanos == 0) {
                record.startNanos = record.endNanos
            }
        }
    }

    private static List<String> secretNames(Object secretEnv) {
        if (secretEnv == null) {
            return []
        }
        return secretEnv instanceof Collection ? secretEnv.collect { s -> s as String } : [secretEnv as String]
    }

    /** Like the plugin's ConsoleBuildLog. */
    private BuildLog consoleLog(Ctx ctx) {
        return new BuildLog() {
            @Override
            void output(String line) {
                harness.log(ctx, line)
            }

            @Override
            void info(String line) {
                harness.log(ctx, '[rust-cargo] ' + line)
            }

            @Override
            void warn(String line) {
                harness.log(ctx, '[rust-cargo] WARNING: ' + line)
            }
        }
    }
}
