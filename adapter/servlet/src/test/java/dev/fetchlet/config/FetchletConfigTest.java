package dev.fetchlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defaults and parsing of a deployment's settings. */
class FetchletConfigTest {

    private static FetchletConfig load(Map<String, String> env) {
        return FetchletConfig.load(new Settings(Map.of(), env, k -> null));
    }

    @Test
    void defaults() {
        FetchletConfig c = FetchletConfig.defaults();
        assertEquals(6L * 1024 * 1024, c.bodyLimit());
        assertEquals(Duration.ofSeconds(30), c.timeout());
        assertTrue(c.trustedProxies().isEmpty());
        assertFalse(c.trustedProxies().contains("127.0.0.1"));
        assertEquals("X-Request-Id", c.requestIdHeader());
        assertEquals(Map.of(), c.geoHeaders());
        assertNull(c.region());
        assertFalse(c.devMode());
    }

    @Test
    void everyKeyIsRead() {
        FetchletConfig c = load(Map.of(
                "FUNC_BODY_LIMIT", "10MB",
                "FUNC_TIMEOUT", "500ms",
                "FUNC_TRUSTED_PROXIES", "10.0.0.0/8",
                "FUNC_REQUEST_ID_HEADER", "X-Amzn-Trace-Id",
                "FUNC_GEO_HEADERS", "country:CloudFront-Viewer-Country, city : CloudFront-Viewer-City",
                "FUNC_REGION", "eu-west-1",
                "FUNC_DEV", "true"));
        assertEquals(10L * 1024 * 1024, c.bodyLimit());
        assertEquals(Duration.ofMillis(500), c.timeout());
        assertTrue(c.trustedProxies().contains("10.1.2.3"));
        assertEquals("X-Amzn-Trace-Id", c.requestIdHeader());
        assertEquals(Map.of("country", "CloudFront-Viewer-Country", "city", "CloudFront-Viewer-City"), c.geoHeaders());
        assertEquals(List.of("country", "city"), List.copyOf(c.geoHeaders().keySet()));
        assertEquals("eu-west-1", c.region());
        assertTrue(c.devMode());
    }

    @Test
    void systemPropertyOverridesEnvironment() {
        FetchletConfig c = FetchletConfig.load(new Settings(Map.of("FUNC_TIMEOUT", "5s"), Map.of("FUNC_TIMEOUT", "9s"),
                k -> k.equals("FUNC_TIMEOUT") ? "1s" : null));
        assertEquals(Duration.ofSeconds(5), c.timeout());
        FetchletConfig host = FetchletConfig.load(new Settings(Map.of(), Map.of(), k -> k.equals("FUNC_TIMEOUT") ? "1s" : null));
        assertEquals(Duration.ofSeconds(1), host.timeout());
    }

    @Test
    void blankValuesMeanDefaults() {
        FetchletConfig c = load(Map.of("FUNC_BODY_LIMIT", " ", "FUNC_TIMEOUT", "", "FUNC_GEO_HEADERS", " "));
        assertEquals(FetchletConfig.DEFAULT_BODY_LIMIT, c.bodyLimit());
        assertEquals(FetchletConfig.DEFAULT_TIMEOUT, c.timeout());
        assertEquals(Map.of(), c.geoHeaders());
    }

    @Test
    void geoHeadersSkipEmptyEntries() {
        assertEquals(Map.of("country", "X-Country"), load(Map.of("FUNC_GEO_HEADERS", ",country:X-Country,,")).geoHeaders());
    }

    @ParameterizedTest
    @ValueSource(strings = {"country", ":X-Country", "country:", "country:X-Country,city", " : "})
    void malformedGeoHeadersNameTheKeyAndTheEntry(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("FUNC_GEO_HEADERS", spec)));
        assertTrue(e.getMessage().contains("FUNC_GEO_HEADERS"), e.getMessage());
    }

    @Test
    void malformedValuesNameTheirKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("FUNC_BODY_LIMIT", "lots")))
                .getMessage().contains("FUNC_BODY_LIMIT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("FUNC_TIMEOUT", "soon")))
                .getMessage().contains("FUNC_TIMEOUT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("FUNC_TRUSTED_PROXIES", "10.0.0.0/99")))
                .getMessage().contains("FUNC_TRUSTED_PROXIES"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "-5s", "PT0S", "-PT1S"})
    void timeoutMustBePositive(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(Map.of("FUNC_TIMEOUT", value)));
        assertTrue(e.getMessage().contains("FUNC_TIMEOUT"), e.getMessage());
    }
}
