package dev.fetchlet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class KnativeLogContextTest {

    @Test
    void knativesVariablesGoIntoTheMdcWhileARequestIsServedAndOutAfterwards() {
        KnativeLogContext context = new KnativeLogContext(Map.of("K_SERVICE", "demo", "K_REVISION", "demo-00002",
                "K_CONFIGURATION", "demo", "HOME", "/root"));
        assertEquals(Map.of("k_service", "demo", "k_revision", "demo-00002", "k_configuration", "demo"),
                context.entries());
        context.put();
        try {
            assertEquals("demo-00002", MDC.get("k_revision"));
            assertEquals("demo", MDC.get("k_service"));
            assertEquals("demo", MDC.get("k_configuration"));
        } finally {
            context.remove();
        }
        assertNull(MDC.get("k_revision"));
        assertNull(MDC.get("k_service"));
    }

    @Test
    void outsideKnativeNothingIsAdded() {
        KnativeLogContext context = new KnativeLogContext(Map.of("K_SERVICE", " "));
        assertEquals(Map.of(), context.entries());
        context.put();
        assertNull(MDC.get("k_service"));
    }
}
