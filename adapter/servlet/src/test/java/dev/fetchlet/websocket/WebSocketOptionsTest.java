package dev.fetchlet.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Response;
import dev.fetchlet.WebSocketCloseCodes;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketOptions;
import dev.fetchlet.config.FetchletConfig;
import dev.fetchlet.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The servlet-free side of the WebSocket API: options, the upgrade response, close codes, the defaults. */
class WebSocketOptionsTest {

    @Test
    void optionsAreImmutableAndDefaultToTheDeployment() {
        WebSocketOptions defaults = WebSocketOptions.defaults();
        WebSocketOptions set = defaults.subprotocols("chat.v2", "chat.v1").maxMessageSize(64).idleTimeout(Duration.ZERO);

        assertEquals(List.of(), defaults.subprotocols());
        assertEquals(-1, defaults.maxMessageSize());
        assertNull(defaults.idleTimeout());
        assertEquals(List.of("chat.v2", "chat.v1"), set.subprotocols());
        assertEquals(64, set.maxMessageSize());
        assertEquals(Duration.ZERO, set.idleTimeout());
    }

    @Test
    void badOptionsAreRefusedAtOnce() {
        WebSocketOptions o = WebSocketOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> o.subprotocols("two words"));
        assertThrows(IllegalArgumentException.class, () -> o.subprotocols(""));
        assertThrows(IllegalArgumentException.class, () -> o.maxMessageSize(0));
        assertThrows(IllegalArgumentException.class, () -> o.idleTimeout(Duration.ofSeconds(-1)));
    }

    @Test
    void anUpgradeResponseCarriesItsListenerAndOptions() {
        WebSocketListener listener = new WebSocketListener() { };
        WebSocketOptions options = WebSocketOptions.defaults().maxMessageSize(10);

        Response r = Response.webSocket(listener, options);

        assertEquals(101, r.status());
        assertEquals(listener, r.webSocketUpgrade().listener());
        assertEquals(options, r.webSocketUpgrade().options());
        assertNull(Response.text("plain").webSocketUpgrade());
    }

    @Test
    void reservedCloseCodesCannotBeSent() {
        assertTrue(WebSocketCloseCodes.isSendable(1000));
        assertTrue(WebSocketCloseCodes.isSendable(1011));
        assertTrue(WebSocketCloseCodes.isSendable(4000));
        assertFalse(WebSocketCloseCodes.isSendable(1005));
        assertFalse(WebSocketCloseCodes.isSendable(1006));
        assertFalse(WebSocketCloseCodes.isSendable(1015));
        assertFalse(WebSocketCloseCodes.isSendable(999));
        assertFalse(WebSocketCloseCodes.isSendable(5000));
    }

    @Test
    void deploymentDefaultsAndTheirKeys() {
        FetchletConfig defaults = FetchletConfig.defaults();
        assertEquals(1024 * 1024, defaults.webSocketMaxMessage());
        assertEquals(Duration.ofMinutes(5), defaults.webSocketIdleTimeout());

        FetchletConfig set = FetchletConfig.load(new Settings(Map.of(),
                Map.of("FUNC_WS_MAX_MESSAGE", "64KB", "FUNC_WS_IDLE_TIMEOUT", "0"), k -> null));
        assertEquals(64 * 1024, set.webSocketMaxMessage());
        assertEquals(Duration.ZERO, set.webSocketIdleTimeout());

        assertThrows(IllegalArgumentException.class, () -> FetchletConfig.load(
                new Settings(Map.of(), Map.of("FUNC_WS_MAX_MESSAGE", "0"), k -> null)));
    }
}
