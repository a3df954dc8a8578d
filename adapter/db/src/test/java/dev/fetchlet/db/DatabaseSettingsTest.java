package dev.fetchlet.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
    private static DatabaseSettings load(Map<String, String> env, Map<String, String> contextParams) {
        return DatabaseSettings.load(new Settings(Map.of(), env, contextParams::get));
    }

    @Test
    void defaultsNeedNoSetting() {
        DatabaseSettings s = load(Map.of(), Map.of());
        assertEquals("java:comp/env/jdbc/fetchlet", s.jndiName());
        assertFalse(s.jndiNameSet());
        assertNull(s.url());
        assertNull(s.host());
        assertEquals(3306, s.port());
        assertEquals(10, s.poolSize());
        assertEquals(Duration.ofSeconds(2), s.poolTimeout());
        assertNull(s.sslMode());
    }

    @Test
    void theEnvironmentWinsOverContextParameters() {
        DatabaseSettings s = load(Map.of("DB_HOST", "db.internal", "DB_POOL_SIZE", "4"),
                Map.of("DB_HOST", "ignored", "DB_NAME", "app", "DB_POOL_TIMEOUT", "500ms", "FUNC_DB_JNDI", "jdbc/app"));
        assertEquals("db.internal", s.host());
        assertEquals("app", s.name());
        assertEquals(4, s.poolSize());
        assertEquals(Duration.ofMillis(500), s.poolTimeout());
        assertEquals("jdbc/app", s.jndiName());
        assertTrue(s.jndiNameSet());
        assertEquals("jdbc:mariadb://db.internal:3306/app", s.hostUrl());
    }

    @Test
    void anIpv6HostIsBracketed() {
        assertEquals("jdbc:mariadb://[::1]:3307/", load(Map.of("DB_HOST", "::1", "DB_PORT", "3307"), Map.of()).hostUrl());
    }

    @Test
    void malformedValuesFailNamingTheSetting() {
        assertMessage("DB_PORT", Map.of("DB_PORT", "mysql"));
        assertMessage("DB_PORT", Map.of("DB_PORT", "70000"));
        assertMessage("DB_POOL_SIZE", Map.of("DB_POOL_SIZE", "0"));
        assertMessage("DB_POOL_TIMEOUT", Map.of("DB_POOL_TIMEOUT", "soon"));
        assertMessage("DB_POOL_TIMEOUT", Map.of("DB_POOL_TIMEOUT", "100ms"));
        assertMessage("DB_SSL_MODE", Map.of("DB_SSL_MODE", "maybe"));
    }

    @Test
    void thePasswordIsNeverPrinted() {
        String text = load(Map.of("DB_PASSWORD", "s3cret-value", "DB_USER", "app"), Map.of()).toString();
        assertFalse(text.contains("s3cret-value"), text);
        assertTrue(text.contains("user=app"), text);
    }

    @Test
    void aUrlShowsOnlyItsScheme() {
        assertEquals("jdbc:mariadb:", DataSources.scheme("jdbc:mariadb://u:pw@host/db"));
        assertEquals("malformed", DataSources.scheme("nonsense"));
    }

    private static void assertMessage(String key, Map<String, String> env) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(env, Map.of()));
        assertTrue(e.getMessage().startsWith(key + " must be"), e.getMessage());
    }
}
