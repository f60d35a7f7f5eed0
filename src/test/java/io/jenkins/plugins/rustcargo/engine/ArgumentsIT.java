package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour 2: cargo gets exactly the user's argv; no shell ever interprets it. */
class ArgumentsIT {

    @Test
    void argvReachesTheProgramUnchanged() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        RecordingLog log = new RecordingLog("args");
        RealBuildKit.engine(log).run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("args"))
                .args("run -q -p tiny-app -- args '; touch /workspace/pwned' 'a  b' \"$(id)\" '*'").build());
        List<String> echoed = log.texts("output").stream().filter(l -> l.startsWith("arg=")).toList();
        assertEquals(List.of("arg=[; touch /workspace/pwned]", "arg=[a  b]", "arg=[$(id)]", "arg=[*]"), echoed);
        assertFalse(Files.exists(ws.resolve("pwned")));
    }

    @Test
    void listArgsNeedNoQuoting() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        RecordingLog log = new RecordingLog("list");
        RealBuildKit.engine(log).run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("list"))
                .args(List.of("run", "-q", "-p", "tiny-app", "--", "args", "it's \"quoted\"")).build());
        assertTrue(log.texts("output").contains("arg=[it's \"quoted\"]"), log.texts("output").toString());
    }

    @Test
    void badQuotingFailsBeforeAnythingRuns() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> RealBuildKit.request(ws, "unused").args("build --features 'a b").build());
        assertTrue(e.getMessage().contains("unterminated single quote"));
        assertFalse(Files.exists(ws.resolve("target")), "nothing changed in the workspace");
    }
}
