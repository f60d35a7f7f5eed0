package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildctlCsvTest {
    @Test
    void plainFieldsStayPlainOthersAreQuotedByCsvRules() {
        assertEquals("type=local,dest=/tmp/x", BuildctlCsv.record(List.of("type=local", "dest=/tmp/x")));
        assertEquals("type=local,\"dest=/x/cm,dest=/y\"", BuildctlCsv.record(List.of("type=local", "dest=/x/cm,dest=/y")));
        assertEquals("\"dest=/a\"\"b\"", BuildctlCsv.field("dest=/a\"b"));
        assertEquals("\" dest=/a\"", BuildctlCsv.field(" dest=/a"));
    }
}
