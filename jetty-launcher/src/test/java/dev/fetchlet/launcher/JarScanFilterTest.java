package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class JarScanFilterTest {

    @Test
    void defaultSkipsWellKnownLibrariesButNotTheAdapterOrTheAppsJars() {
        JarScanFilter filter = JarScanFilter.DEFAULT;

        assertTrue(filter.skips("jackson-databind-2.22.3.jar"));
        assertTrue(filter.skips("cloudevents-core-4.0.1.jar"));
        assertTrue(filter.skips("prometheus-metrics-model-1.4.3.jar"));
        assertTrue(filter.skips("slf4j-api-2.0.17.jar"));
        assertTrue(filter.skips("kotlin-stdlib-2.1.0.jar"));
        assertFalse(filter.skips("fetchlet-adapter-0.1.0.jar"), "the adapter may hold handler base classes");
        assertFalse(filter.skips("orders-handlers-1.0.jar"));
        assertFalse(filter.skips("spring-web-6.2.0.jar"), "Spring initializers find user classes through Spring jars");
    }

    @Test
    void parsesDefaultNoneAndGlobs() {
        assertEquals(JarScanFilter.DEFAULT_SKIPS, JarScanFilter.parse("default").globs());
        assertEquals(List.of(), JarScanFilter.parse("none").globs());
        assertEquals(List.of(), JarScanFilter.parse(" ").globs());
        assertEquals(List.of("big-*.jar", "other.jar"), JarScanFilter.parse(" big-*.jar , other.jar ").globs());

        JarScanFilter more = JarScanFilter.parse("default,acme-*.jar");
        assertTrue(more.skips("acme-util-2.jar"));
        assertTrue(more.skips("jackson-core-2.22.3.jar"));
        assertFalse(more.skips("acme.jar"), "the glob's literal characters are matched as they are");
        assertThrows(IllegalArgumentException.class, () -> JarScanFilter.parse("lib/acme.jar"));
    }

    @Test
    void includePatternMatchesTheJarUrisJettyTestsAndKeepsNoComma() {
        String include = JarScanFilter.parse("default,a.b-*.jar").includePattern(List.of());
        Pattern pattern = Pattern.compile(include);

        assertFalse(include.contains(","), "Jetty splits include patterns at commas");
        assertTrue(pattern.matcher("file:///tmp/app/WEB-INF/lib/orders-handlers-1.0.jar").matches());
        assertTrue(pattern.matcher("file:///tmp/app/WEB-INF/lib/fetchlet-adapter-0.1.0.jar").matches());
        assertFalse(pattern.matcher("file:///tmp/app/WEB-INF/lib/jackson-core-2.22.3.jar").matches());
        assertFalse(pattern.matcher("file:///tmp/app/WEB-INF/lib/a.b-1.jar").matches());
        assertTrue(pattern.matcher("file:///tmp/app/WEB-INF/lib/aXb-1.jar").matches(), "a dot is not a wildcard");
        assertTrue(pattern.matcher("file:///tmp/jackson-core-2.22.3.jar/WEB-INF/lib/orders.jar").matches(),
            "only the file name counts");
        assertEquals(".*", JarScanFilter.NONE.includePattern(List.of()));
    }
}
