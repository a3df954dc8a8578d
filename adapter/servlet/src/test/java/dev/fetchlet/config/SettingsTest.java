package dev.fetchlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Where a setting comes from: system property, then environment, then the host; blank counts as unset. */
class SettingsTest {
    private static final Function<String, String> HOST = Map.of("K", "host", "ONLY_HOST", "h", "BLANK_HOST", "  ")::get;

    @Test
    void systemPropertyBeatsEnvironmentBeatsHost() {
        assertEquals("sys", new Settings(Map.of("K", "sys"), Map.of("K", "env"), HOST).get("K"));
        assertEquals("env", new Settings(Map.of(), Map.of("K", "env"), HOST).get("K"));
        assertEquals("host", new Settings(Map.of(), Map.of(), HOST).get("K"));
    }

    @Test
    void blankValuesFallThroughToTheNextSource() {
        assertEquals("env", new Settings(Map.of("K", "  "), Map.of("K", "env"), HOST).get("K"));
        assertEquals("host", new Settings(Map.of("K", ""), Map.of("K", "\t"), HOST).get("K"));
        assertNull(new Settings(Map.of(), Map.of(), HOST).get("BLANK_HOST"));
    }

    @Test
    void valuesAreTrimmed() {
        assertEquals("10MB", new Settings(Map.of("K", " 10MB\n"), Map.of(), null).get("K"));
    }

    @Test
    void unsetGivesNullOrTheFallback() {
        Settings s = new Settings(Map.of(), Map.of(), null);
        assertNull(s.get("MISSING"));
        assertEquals("dflt", s.get("MISSING", "dflt"));
        assertEquals("h", new Settings(Map.of(), Map.of(), HOST).get("ONLY_HOST", "dflt"));
    }

    @Test
    void fromProcessReadsSystemProperties() {
        String key = "FETCHLET_SETTINGS_TEST_" + System.nanoTime();
        System.setProperty(key, "from-jvm");
        try {
            assertEquals("from-jvm", Settings.fromProcess(k -> "from-host").get(key));
        } finally {
            System.clearProperty(key);
        }
        assertEquals(System.getenv(), Settings.fromProcess(null).environment());
    }
}
