package dev.fetchlet.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.WebSocketOptions;
import dev.fetchlet.config.AllowedOrigins;
import dev.fetchlet.config.FetchletConfig;
import dev.fetchlet.config.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The origin rule of a WebSocket handshake (RFC 6455 section 10.2): same origin, listed origins and no
 * {@code Origin} pass; everything else is 403.
 */
class OriginCheckTest {
    private static final AllowedOrigins NONE = AllowedOrigins.none();

    private static HandshakeCheck.Refusal check(String origin, String scheme, String host, AllowedOrigins deployment,
                                                List<String> route) {
        return OriginCheck.check(origin == null ? List.of() : List.of(origin), scheme, host, deployment, route);
    }

    @ParameterizedTest(name = "{2} from {0}://{1}")
    @CsvSource(delimiter = '|', value = {
        "http  | 127.0.0.1:8080     | http://127.0.0.1:8080",
        "http  | localhost:8080     | HTTP://LOCALHOST:8080",
        "https | app.example        | https://app.example",
        "https | app.example        | https://app.example:443",
        "https | app.example:443    | https://app.example",
        "http  | app.example        | http://app.example:80",
        "http  | [::1]:8080         | http://[::1]:8080",
        "http  | [0:0::1]:8080      | http://[::1]:8080",
    })
    void theSitesOwnOriginIsAccepted(String scheme, String host, String origin) {
        assertNull(check(origin, scheme, host, NONE, List.of()));
    }

    @ParameterizedTest(name = "{2} from {0}://{1}")
    @CsvSource(delimiter = '|', value = {
        "http  | 127.0.0.1:8080     | https://evil.example",
        "http  | 127.0.0.1:8080     | http://127.0.0.1:8081",
        "http  | 127.0.0.1:8080     | https://127.0.0.1:8080",
        "http  | 127.0.0.1:8080     | http://127.0.0.1",
        "http  | 127.0.0.1:8080     | http://localhost:8080",
        "https | app.example        | http://app.example",
        "https | app.example        | https://app.example.evil.example",
        "https | app.example        | https://evil-app.example",
        "https | app.example        | null",
        "https | app.example        | ''",
        "https | app.example        | https://app.example/path",
        "https | app.example        | https://app.example https://evil.example",
        "https | app.example        | ws://app.example",
    })
    void anotherOriginIsRefusedWith403(String scheme, String host, String origin) {
        HandshakeCheck.Refusal refusal = check(origin, scheme, host, NONE, List.of());
        assertEquals(403, refusal.status());
        assertFalse(refusal.askForVersion());
        assertTrue(refusal.message().contains("FUNC_WS_ALLOWED_ORIGINS"), refusal.message());
    }

    @Test
    void aHandshakeWithoutOriginIsNoBrowserAndIsAccepted() {
        assertNull(check(null, "http", "127.0.0.1:8080", NONE, List.of()));
    }

    @Test
    void twoOriginFieldsAreRefused() {
        assertEquals(403, OriginCheck.check(List.of("http://h", "http://h"), "http", "h", NONE, List.of()).status());
    }

    @Test
    void theDeploymentsListAllowsItsOrigins() {
        AllowedOrigins list = AllowedOrigins.parse("FUNC_WS_ALLOWED_ORIGINS", "https://app.example, http://localhost:5173");
        assertNull(check("https://app.example", "http", "api.example", list, List.of()));
        assertNull(check("https://APP.example:443", "http", "api.example", list, List.of()));
        assertNull(check("http://localhost:5173", "http", "api.example", list, List.of()));
        assertEquals(403, check("http://localhost:5174", "http", "api.example", list, List.of()).status());
        assertEquals(403, check("null", "http", "api.example", list, List.of()).status());
    }

    @Test
    void theRoutesListAddsToTheDeployments() {
        AllowedOrigins deployment = AllowedOrigins.parse("FUNC_WS_ALLOWED_ORIGINS", "https://a.example");
        List<String> route = WebSocketOptions.defaults().allowedOrigins("https://b.example").allowedOrigins();
        assertNull(check("https://a.example", "http", "h", deployment, route));
        assertNull(check("https://b.example", "http", "h", deployment, route));
        assertEquals(403, check("https://c.example", "http", "h", deployment, route).status());
    }

    @Test
    void nullIsAllowedOnlyWhenListed() {
        assertEquals(403, check("null", "http", "h", NONE, List.of()).status());
        assertNull(check("null", "http", "h", NONE, List.of("null")));
        assertNull(check("null", "http", "h", AllowedOrigins.parse("k", "null"), List.of()));
    }

    @Test
    void aStarTurnsTheCheckOff() {
        assertNull(check("https://evil.example", "http", "h", AllowedOrigins.parse("k", "*"), List.of()));
        assertNull(check("null", "http", "h", NONE, List.of("*")));
        assertNull(check("not an origin", "http", "h", NONE, List.of("*")));
    }

    @Test
    void theDeploymentSettingIsReadAndCheckedAtStart() {
        FetchletConfig config = FetchletConfig.load(new Settings(Map.of(), Map.of(
                "FUNC_WS_ALLOWED_ORIGINS", "https://app.example,null"), k -> null));
        assertTrue(config.webSocketAllowedOrigins().allows("https://app.example"));
        assertTrue(config.webSocketAllowedOrigins().allows("null"));
        assertTrue(FetchletConfig.defaults().webSocketAllowedOrigins().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FetchletConfig.load(
                new Settings(Map.of(), Map.of("FUNC_WS_ALLOWED_ORIGINS", "app.example"), k -> null)));
        assertTrue(e.getMessage().contains("FUNC_WS_ALLOWED_ORIGINS") && e.getMessage().contains("app.example"));
    }

    @Test
    void aRoutesEntryIsCheckedWhenTheOptionsAreMade() {
        WebSocketOptions o = WebSocketOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> o.allowedOrigins("app.example"));
        assertThrows(IllegalArgumentException.class, () -> o.allowedOrigins("https://app.example/chat"));
        assertThrows(IllegalArgumentException.class, () -> o.allowedOrigins("https://*.example"));
        assertEquals(List.of("https://app.example", "null", "*"),
                o.allowedOrigins("https://app.example", "null", "*").allowedOrigins());
        assertEquals(List.of(), o.allowedOrigins());
    }
}
