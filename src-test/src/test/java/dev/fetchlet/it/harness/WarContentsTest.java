package dev.fetchlet.it.harness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The example WAR holds only what a user would copy; the suite's fixtures live in the conformance WAR, which
 * carries the example app as well, so every container serves both from one deployment.
 */
class WarContentsTest {
    private static final String FIXTURES = "WEB-INF/classes/dev/fetchlet/conformance/";

    @Test
    void theExampleWarHoldsNoConformanceFixture() throws IOException {
        List<String> fixtures = entries(Wars.example()).stream()
                .filter(name -> name.contains("/conformance/") || name.contains("Conformance"))
                .toList();
        assertTrue(fixtures.isEmpty(), "fixtures in the example WAR: " + fixtures);
    }

    @Test
    void theConformanceWarHoldsTheFixturesAndTheExampleApp() throws IOException {
        List<String> names = entries(Wars.conformance());
        assertTrue(names.contains(FIXTURES + "Counter.class"), "the counting fixture");
        assertTrue(names.contains(FIXTURES + "ws/EchoSocket.class"), "the WebSocket fixtures");
        assertTrue(names.contains("WEB-INF/classes/functions/api/hello.class")
                || names.stream().anyMatch(n -> n.startsWith("WEB-INF/classes/functions/api/Hello")),
                "the example's handlers");
        assertTrue(names.contains("chat.html"), "the example's pages");
        assertTrue(names.stream().anyMatch(n -> n.startsWith("WEB-INF/lib/fetchlet-adapter")), "the adapter");
        assertFalse(names.stream().anyMatch(n -> n.startsWith("WEB-INF/lib/jakarta.servlet-api")),
                "the Servlet API is the container's");
    }

    private static List<String> entries(Path war) throws IOException {
        try (ZipFile zip = new ZipFile(war.toFile())) {
            return zip.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }
}
