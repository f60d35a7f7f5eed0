package io.jenkins.plugins.rustcargo.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Extension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.java.sezpoz.impl.SerAnnotatedElement;
import net.java.sezpoz.impl.SerEnumConst;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens target/rust-cargo.hpi (written by {@code mvn package}) and checks that it is laid out as
 * maven-hpi-plugin would lay it out, so Jenkins can install it.
 */
class HpiLayoutIT {
    private static final Path HPI = Paths.get("target/rust-cargo.hpi");
    private static final String PLUGIN_JAR = "WEB-INF/lib/rust-cargo.jar";
    private static final String PKG = "io/jenkins/plugins/rustcargo/jenkins/";
    private static final List<String> STAND_IN_ROOTS = List.of("hudson/", "jenkins/", "org/jenkinsci/", "org/kohsuke/", "antlr/");

    private static Manifest manifest;
    /** Entry name to content, of the plugin jar inside the .hpi. */
    private static Map<String, byte[]> pluginJar;
    /** Entry name to the names inside it, for every bundled jar. */
    private static Map<String, List<String>> bundledJars;

    @BeforeAll
    static void open() throws IOException {
        assertTrue(Files.isRegularFile(HPI), HPI + " is missing: run mvn package");
        try (ZipFile hpi = new ZipFile(HPI.toFile())) {
            ZipEntry m = hpi.getEntry("META-INF/MANIFEST.MF");
            assertNotNull(m, "META-INF/MANIFEST.MF");
            try (InputStream in = hpi.getInputStream(m)) {
                manifest = new Manifest(in);
            }
            bundledJars = new TreeMap<>();
            for (ZipEntry e : java.util.Collections.list(hpi.entries())) {
                if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                    byte[] jar;
                    try (InputStream in = hpi.getInputStream(e)) {
                        jar = in.readAllBytes();
                    }
                    Map<String, byte[]> entries = entries(jar);
                    bundledJars.put(e.getName(), new ArrayList<>(entries.keySet()));
                    if (e.getName().equals(PLUGIN_JAR)) {
                        pluginJar = entries;
                    }
                }
            }
        }
        assertNotNull(pluginJar, PLUGIN_JAR + " is missing");
    }

    private static Map<String, byte[]> entries(byte[] jar) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    private static String attr(String name) {
        return manifest.getMainAttributes().getValue(name);
    }

    @Test
    void manifestHasWhatJenkinsReads() {
        Attributes a = manifest.getMainAttributes();
        assertEquals("1.0", a.getValue(Attributes.Name.MANIFEST_VERSION));
        assertEquals("rust-cargo", attr("Short-Name"));
        assertEquals("Rust Cargo", attr("Long-Name"));
        assertEquals("io.jenkins.plugins", attr("Group-Id"));
        assertEquals("rust-cargo", attr("Artifact-Id"));
        assertTrue(attr("Plugin-Version").matches("\\d+\\.\\d+\\.\\d+.*"), attr("Plugin-Version"));
        assertEquals("2.479.3", attr("Jenkins-Version"));
        assertEquals("2.479.3", attr("Hudson-Version"));
        // Only plugins the code uses: the step API, and the library plugins that give docker-java
        // its Jackson and commons-lang3 (so neither is bundled, see below). No docker-workflow.
        assertEquals("workflow-step-api:710.v3e456cc85233,jackson2-api:2.21.1-428.vf8dd988fa_d8d,"
                + "commons-lang3-api:3.20.0-109.ve43756e2d2b_4", attr("Plugin-Dependencies"));
        assertEquals("17", attr("Minimum-Java-Version"), "maven-hpi-plugin writes the compiler release");
        assertTrue(attr("Url").startsWith("https://"), attr("Url"));
        assertEquals("true", attr("Support-Dynamic-Loading"));
        assertTrue(attr("Plugin-Developers").matches("[^:]+:[^:]+:.*"), "name:id:email, " + attr("Plugin-Developers"));
        assertEquals("MIT License", attr("Plugin-License-Name"));
        assertEquals("https://opensource.org/licenses/MIT", attr("Plugin-License-Url"));
        assertEquals(null, attr("Plugin-Class"), "no hudson.Plugin subclass, so no Plugin-Class");
    }

    @Test
    void pluginJarHoldsViewsHelpAndTheIndexPage() {
        assertTrue(pluginJar.containsKey("index.jelly"), "index.jelly is required by Jenkins");
        for (String view : List.of("step/RustCargoStep/config.jelly", "step/RustCargoStep/help.html", "report/RustCargoReportAction/summary.jelly",
                "report/RustCargoReportAction/index.jelly", "report/RustCargoTrendAction/floatingBox.jelly")) {
            assertTrue(pluginJar.containsKey(PKG + view), view);
        }
        for (String param : List.of("args", "output", "requireOutput", "image", "cacheKey", "keepFingerprints", "returnStatus", "addr",
                "secretEnv", "dir")) {
            assertTrue(pluginJar.containsKey(PKG + "step/RustCargoStep/help-" + param + ".html"), "help for " + param);
        }
        assertTrue(pluginJar.containsKey(PKG + "step/RustCargoStep.class"));
        for (String pkg : List.of("agent/", "cache/", "config/", "report/", "security/", "step/", "sweep/")) {
            assertTrue(pluginJar.containsKey(PKG + pkg + "Messages.properties") && pluginJar.containsKey(PKG + pkg + "Messages.class"),
                    "the user-visible text of " + pkg + " and the Messages class localizer generated from it");
        }
        byte[] initializers = pluginJar.get("META-INF/annotations/hudson.init.Initializer");
        assertNotNull(initializers, "the @Initializer index Jenkins reads at startup");
        assertTrue(new String(initializers, StandardCharsets.UTF_8).contains("io.jenkins.plugins.rustcargo.jenkins.security.RustCargoPermissions"));
        assertTrue(pluginJar.containsKey("io/jenkins/plugins/rustcargo/jenkins/report/RustCargoReportAction/badge.jelly"));
        assertTrue(pluginJar.containsKey("io/jenkins/plugins/rustcargo/engine/CargoEngine.class"));
        assertTrue(pluginJar.containsKey("io/jenkins/plugins/rustcargo/engine/helper/linux-amd64/rustcargo-helper"),
                "the in-container helper ships with the engine");
    }

    @Test
    void staplerKnowsTheStepsConstructorAndFormChecks() {
        byte[] stapler = pluginJar.get(PKG + "step/RustCargoStep.stapler");
        assertNotNull(stapler, "RustCargoStep.stapler (Stapler's ConstructorProcessor ran)");
        assertTrue(new String(stapler, StandardCharsets.ISO_8859_1).contains("constructor=args"));
        assertTrue(pluginJar.containsKey(PKG + "step/RustCargoStep/DescriptorImpl/doCheckArgs.stapler"),
                "@QueryParameter names (QueryParameterAnnotationProcessor ran)");
    }

    @Test
    void extensionIndexListsEveryExtensionInTheJar() throws Exception {
        Map<String, String> indexed = extensionIndex();
        assertTrue(indexed.containsKey("io.jenkins.plugins.rustcargo.jenkins.step.RustCargoStep$DescriptorImpl"), indexed.toString());
        assertTrue(indexed.containsKey("io.jenkins.plugins.rustcargo.jenkins.report.RustCargoTrendActionFactory"), indexed.toString());
        Set<String> annotated = new TreeSet<>();
        ClassLoader loader = getClass().getClassLoader();
        for (String entry : pluginJar.keySet()) {
            if (entry.endsWith(".class")) {
                Class<?> c = Class.forName(entry.substring(0, entry.length() - 6).replace('/', '.'), false, loader);
                if (hasExtension(c)) {
                    annotated.add(c.getName());
                }
            }
        }
        assertEquals(annotated, indexed.keySet(), "SezPoz indexed exactly the @Extension classes");
        for (String name : indexed.keySet()) {
            assertTrue(name.startsWith("io.jenkins.plugins.rustcargo."), "only the plugin's own extensions: " + name);
        }
        // maven-hpi-plugin writes Support-Dynamic-Loading: true only when every extension says YES
        // (any MAYBE omits it, any NO makes it false); the manifest claims true, so all must be YES.
        for (Map.Entry<String, String> e : indexed.entrySet()) {
            assertEquals("YES", e.getValue(), e.getKey() + " must be dynamicLoadable = YES");
        }
    }

    private static boolean hasExtension(Class<?> c) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(c.getDeclaredFields()));
        elements.addAll(List.of(c.getDeclaredMethods()));
        elements.add(c);
        return elements.stream().anyMatch(e -> e.isAnnotationPresent(Extension.class));
    }

    /** Class name to its dynamicLoadable value, read from the serialized SezPoz index. */
    private static Map<String, String> extensionIndex() throws Exception {
        byte[] index = pluginJar.get("META-INF/annotations/" + Extension.class.getName());
        assertNotNull(index, "META-INF/annotations/hudson.Extension (SezPoz ran)");
        Map<String, String> out = new TreeMap<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(index))) {
            for (Object o = in.readObject(); o != null; o = in.readObject()) {
                SerAnnotatedElement e = (SerAnnotatedElement) o;
                Object dynamic = e.values.get("dynamicLoadable");
                out.put(e.className, dynamic instanceof SerEnumConst c ? c.constName : "MAYBE");
            }
        }
        return out;
    }

    @Test
    void dockerJavaIsBundledAndNothingJenkinsOrAPluginProvides() {
        Set<String> jars = new TreeSet<>();
        for (String name : bundledJars.keySet()) {
            jars.add(name.substring("WEB-INF/lib/".length()));
        }
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("docker-java-core-")), jars.toString());
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("docker-java-api-")), jars.toString());
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("docker-java-transport-zerodep-")), jars.toString());
        for (String provided : List.of("guava-", "slf4j-", "commons-io-", "commons-compress-", "jna-", "bcp", "bcutil-",
                "jenkins-core-", "workflow-step-api-", "stapler-", "sezpoz-", "junit", "mockito", "picocli-",
                // from the jackson2-api and commons-lang3-api plugins (Plugin-Dependencies)
                "jackson-", "commons-lang3-")) {
            assertTrue(jars.stream().noneMatch(j -> j.startsWith(provided)), provided + " must not be bundled: " + jars);
        }
    }

    @Test
    void noStandInClassInAnyBundledJar() {
        for (Map.Entry<String, List<String>> jar : bundledJars.entrySet()) {
            for (String entry : jar.getValue()) {
                for (String root : STAND_IN_ROOTS) {
                    assertFalse(entry.startsWith(root), jar.getKey() + " contains " + entry);
                }
            }
        }
    }
}
