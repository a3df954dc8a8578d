package dev.fetchlet.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class WebSocketSupportTest {
    @Test
    void theApiIsFoundWhereItsJarIsOnTheClassPath() {
        assertTrue(WebSocketSupport.isAvailable(getClass().getClassLoader()));
    }

    @Test
    void aClassPathWithoutTheApiIsToldApartWithoutAnError() throws Exception {
        // Parent null: only the JDK's own classes, as in a servlet engine that ships no WebSocket jars.
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            assertFalse(WebSocketSupport.isAvailable(bare));
        }
    }
}
