package dev.fetchlet.it.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The example WAR holds only what a user would copy; the suite's fixtures live in the conformance WAR, which
 * carries the example app as well, byte for byte, so every container serves both from one deployment.
 */
class WarContentsTest {
    private static final String FIXTURES = "WEB-INF/classes/dev/fetchlet/conformance/";
    /** A route's pattern is a string constant of the class that declares it, as {@code @Route} or a listener's path. */
    private static final String FIXTURE_ROUTE = "/conformance";

    @Test
    void theExampleWarHoldsNoClassOfAConformancePackage() throws IOException {
        List<String> fixtures = names(Wars.example()).stream()
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).contains("conformance"))
                .toList();
        assertTrue(fixtures.isEmpty(), "fixtures in the example WAR: " + fixtures);
    }

    @Test
    void noFileOfTheExampleAppNamesAConformanceRoute() throws IOException {
        List<String> naming = new ArrayList<>();
        try (ZipFile war = new ZipFile(Wars.example().toFile())) {
            for (ZipEntry entry : war.stream().toList()) {
                // Its own classes, pages and scripts; the libraries in WEB-INF/lib are not the example's code.
                if (!entry.isDirectory() && !entry.getName().startsWith("WEB-INF/lib/")
                        && contains(war, entry, FIXTURE_ROUTE)) {
                    naming.add(entry.getName());
                }
            }
        }
        assertTrue(naming.isEmpty(), "files of the example WAR that name " + FIXTURE_ROUTE + ": " + naming);
    }

    @Test
    void theConformanceWarHoldsTheHttpAndWebSocketFixtures() throws IOException {
        List<String> names = names(Wars.conformance());
        for (String fixture : List.of("Counter", "Slow", "Async", "LargeStream", "BodyEcho", "ContextEcho",
                "ws/EchoSocket", "ws/AnyMethodSocket", "ws/SubprotocolSocket")) {
            assertTrue(names.contains(FIXTURES + fixture + ".class"), fixture + " is missing: " + names);
        }
    }

    @Test
    void theConformanceWarHoldsTheWholeExampleAppUnchanged() throws IOException {
        Map<String, Long> conformance = checksums(Wars.conformance());
        Map<String, Long> example = checksums(Wars.example());
        example.forEach((name, crc) -> {
            assertTrue(conformance.containsKey(name), name + " of the example WAR is missing");
            assertEquals(crc, conformance.get(name), name + " differs from the example WAR's");
        });
        assertTrue(example.containsKey("WEB-INF/classes/functions/api/Hello.class"), "the example's handlers");
        assertTrue(example.containsKey("chat.html"), "the example's pages");
        List<String> names = names(Wars.conformance());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("WEB-INF/lib/fetchlet-adapter")), "the adapter");
        assertFalse(names.stream().anyMatch(n -> n.startsWith("WEB-INF/lib/jakarta.servlet-api")),
                "the Servlet API is the container's");
    }

    private static List<String> names(Path war) throws IOException {
        try (ZipFile zip = new ZipFile(war.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    /** Each file's CRC, the build's own metadata ({@code META-INF/}) aside. */
    private static Map<String, Long> checksums(Path war) throws IOException {
        try (ZipFile zip = new ZipFile(war.toFile())) {
            return zip.stream()
                    .filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/"))
                    .collect(Collectors.toMap(ZipEntry::getName, ZipEntry::getCrc, (a, b) -> a));
        }
    }

    private static boolean contains(ZipFile war, ZipEntry entry, String text) throws IOException {
        try (InputStream in = war.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(text);
        }
    }
}
