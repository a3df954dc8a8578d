package dev.fetchlet.it.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/** The harness itself: the conformance WAR deploys on each container and answers like a web app. */
@OnEachContainer
class HarnessSmokeTest {

    private static final String STATIC_FILE = "static/style.css";

    private final ContainerKind kind;
    private final Deployment deployment;
    private final Http http;

    HarnessSmokeTest(ContainerKind kind) {
        this.kind = kind;
        this.deployment = Deployments.of(kind);
        this.http = Http.to(deployment);
    }

    @Test
    void deploymentIsStartedOnceAndListensOnLoopback() {
        assertSame(deployment, Deployments.of(kind));
        assertEquals(kind, deployment.kind());
        assertTrue(deployment.port() > 0);
        assertEquals("http://127.0.0.1:" + deployment.port() + "/", deployment.baseUri().toString());
    }

    @Test
    void unknownPathAnswers404() throws Exception {
        HttpResponse<String> reply = http.get("/no/such/path-" + kind);

        assertEquals(404, reply.statusCode(), reply.body());
    }

    @Test
    void staticFileFromTheWarIsServed() throws Exception {
        String expected = warEntry(STATIC_FILE);

        HttpResponse<String> reply = http.get("/" + STATIC_FILE);

        assertEquals(200, reply.statusCode());
        assertEquals(expected, reply.body());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("text/css"),
            reply.headers().toString());
    }

    @Test
    void rawExchangeReadsTheSameReply() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(deployment.port(), RawHttp.crlf("""
            GET /%s HTTP/1.1
            Host: localhost
            Connection: close

            """.formatted(STATIC_FILE)));

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(warEntry(STATIC_FILE), reply.body());
        assertTrue(reply.header("content-type").startsWith("text/css"), reply.toString());
    }

    @Test
    void malformedHeaderLineAnswers400() throws Exception {
        ServerDifference.HEADER_LINES_NOT_VALIDATED.skipOn(kind);
        RawHttp.Reply reply = RawHttp.exchange(deployment.port(),
            "GET /api/hello HTTP/1.1\r\nHost: localhost\r\nThis line has no colon\r\nConnection: close\r\n\r\n");

        assertEquals(400, reply.status(), reply.toString());
    }

    private static String warEntry(String name) throws IOException {
        try (ZipFile war = new ZipFile(Wars.conformance().toFile())) {
            ZipEntry entry = war.getEntry(name);
            if (entry == null) {
                throw new AssertionError(name + " is missing from the conformance WAR");
            }
            return new String(war.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
