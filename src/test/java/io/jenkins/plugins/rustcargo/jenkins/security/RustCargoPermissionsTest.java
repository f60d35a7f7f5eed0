package io.jenkins.plugins.rustcargo.jenkins.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The permission group is declared while Jenkins starts, before the saved grants are read. */
class RustCargoPermissionsTest {
    @Test
    void anInitializerLoadsThePermissionsBeforeTheSystemConfiguration() throws Exception {
        Initializer init = RustCargoPermissions.class.getMethod("declare").getAnnotation(Initializer.class);
        assertNotNull(init);
        assertEquals(InitMilestone.PLUGINS_STARTED, init.after());
        assertEquals(InitMilestone.SYSTEM_CONFIG_LOADED, init.before(), "matrix-auth reads its grants with the system configuration");
    }

    @Test
    void jenkinsFindsTheInitializerInTheAnnotationIndex() throws Exception {
        // Jenkins discovers @Initializer methods through this index, which annotation-indexer writes at compile time.
        try (InputStream in = RustCargoPermissions.class.getClassLoader()
                .getResourceAsStream("META-INF/annotations/" + Initializer.class.getName())) {
            assertNotNull(in, "the index exists");
            List<String> indexed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertTrue(indexed.contains(RustCargoPermissions.class.getName()), indexed.toString());
        }
    }
}
