package dev.fetchlet.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.Http;
import dev.fetchlet.it.harness.OnEachContainer;
import dev.fetchlet.it.harness.ServerDifference;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 12, "the same on every server": the WAR keeps its own logging and JSON libraries wherever it is
 * deployed. WildFly puts its own Jackson and an SLF4J bound to its log manager ahead of {@code WEB-INF/lib}
 * unless the WAR's {@code jboss-deployment-structure.xml} excludes them; these tests fail there without it.
 * Payara, in its default class loading, puts its own Jackson first
 * ({@link ServerDifference#SERVER_JACKSON_AHEAD_OF_THE_WARS}).
 */
@OnEachContainer
class OwnLibrariesConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerKind kind;
    private final Deployment deployment;
    private final Http http;

    OwnLibrariesConformanceTest(ContainerKind kind) {
        this.kind = kind;
        this.deployment = Deployments.of(kind);
        this.http = Http.to(deployment);
    }

    /** The suite is built with the same Jackson as the WAR, so the versions must match. */
    @Test
    void warRunsOnItsOwnJackson() throws Exception {
        JsonNode libraries = libraries();
        ServerDifference.SERVER_JACKSON_AHEAD_OF_THE_WARS.skipOn(kind);

        assertEquals(PackageVersion.VERSION.toString(), libraries.path("jackson").asText(), kind + ": " + libraries);
    }

    @Test
    void warLogsThroughItsOwnLogback() throws Exception {
        JsonNode libraries = libraries();

        assertTrue(libraries.path("slf4jBoundToLogback").asBoolean(), kind + ": " + libraries);
    }

    /**
     * A handler failure is logged with the request id in the MDC; only the WAR's {@code logback.xml} pattern
     * writes it as {@code [req=<id> trace=...]}. The server's console is where an operator finds it.
     */
    @Test
    void logLineCarriesTheRequestIdInTheWarsLayout() throws Exception {
        Path console = deployment.consoleLog().orElse(null);
        assumeTrue(console != null, kind + " logs into the test JVM's own output, which this test does not read");

        HttpResponse<String> reply = http.get("/conformance/throw");
        String requestId = reply.headers().firstValue("Functions-Request-Id").orElseThrow();

        assertEquals(500, reply.statusCode(), reply.body());
        String expected = "[req=" + requestId + " trace=";
        assertTrue(awaitLogged(console, expected), kind + ": no line with " + expected + " in " + console);
    }

    private JsonNode libraries() throws Exception {
        HttpResponse<String> reply = http.get("/conformance/libraries");
        assertEquals(200, reply.statusCode(), reply.body());
        return JSON.readTree(reply.body());
    }

    /** The server writes the line from another thread, a moment after the reply. */
    private static boolean awaitLogged(Path console, String text) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            // ISO-8859-1 reads any bytes; what we look for is ASCII.
            if (new String(Files.readAllBytes(console), StandardCharsets.ISO_8859_1).contains(text)) {
                return true;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return false;
    }
}
