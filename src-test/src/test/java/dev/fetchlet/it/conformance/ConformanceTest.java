package dev.fetchlet.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.ServerDifference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What every conformance test class shares: the conformance WAR (the example app with the fixtures under
 * {@code /conformance}) deployed in one container (each concrete class is
 * {@code @OnEachContainer}, so the same tests run on the launcher's embedded Jetty 12 and on embedded Tomcat 11,
 * and, with the {@code appservers} profile, on standalone Tomcat 10.1, Payara Micro and Open Liberty), a
 * {@code java.net.http} client for ordinary requests, {@link Wire} for raw ones, and a few assertions.
 *
 * <p>The suite's JVM is configured by surefire (see {@code src-test/pom.xml}): {@code FUNC_TIMEOUT=2s},
 * {@code FUNC_TRUSTED_PROXIES=127.0.0.2}, {@code FUNC_GEO_HEADERS=country:X-Geo-Country,city:X-Geo-City},
 * {@code FUNC_REGION=test-region-1}; the body limit is the default, 6 MiB. The app servers, in processes of
 * their own, get the same settings as system properties from the harness.
 *
 * <p>Where a server itself answers a malformed request differently, before the WAR sees it, the test names the
 * {@link dev.fetchlet.it.harness.ServerDifference} and checks what still must hold there.
 */
abstract class ConformanceTest {
    static final String REQUEST_ID = "Functions-Request-Id";
    static final long BODY_LIMIT = 6L * 1024 * 1024;
    static final Duration WALL_TIME = Duration.ofSeconds(2);
    static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final ContainerKind kind;
    final Deployment server;

    ConformanceTest(ContainerKind kind) {
        this.kind = kind;
        this.server = Deployments.of(kind);
    }

    URI uri(String pathAndQuery) {
        String base = server.baseUri().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    Wire wire() {
        return Wire.to(server.port());
    }

    Wire wireFrom(java.net.InetAddress local) {
        return Wire.from(local, server.port());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    HttpResponse<String> send(String method, String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), "expected JSON, got " + type + ": " + r.body());
        return json(r.body());
    }

    /** The reply came from a function: it carries a request id in UUID form (none was sent by a proxy). */
    static String assertFunctionReply(HttpResponse<String> r) {
        String id = r.headers().firstValue(REQUEST_ID).orElse(null);
        assertNotNull(id, "a function's reply carries " + REQUEST_ID + "; status " + r.statusCode() + " " + r.body());
        assertTrue(UUID_FORM.matcher(id).matches(), "request id is a UUID: " + id);
        UUID.fromString(id);
        return id;
    }

    static String assertFunctionReply(RawResponse r) {
        String id = r.header(REQUEST_ID);
        assertNotNull(id, "a function's reply carries " + REQUEST_ID + ": " + r);
        assertTrue(UUID_FORM.matcher(id).matches(), "request id is a UUID: " + id);
        return id;
    }

    /** The reply did not come from a function (the container's default servlet or its error handling did). */
    static void assertNotFunctionReply(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue(REQUEST_ID).isEmpty(), "no function answered, yet " + REQUEST_ID + " is set");
    }

    /** The server answers an ordinary request: whatever came before did not take it down. */
    void assertStillServing() {
        HttpResponse<String> r = get("/api/hello");
        assertEquals(200, r.statusCode(), "a normal request after the previous one");
        assertEquals("Hello from Fetchlet Functions!", r.body());
    }

    /** A key no earlier request used, for {@code /conformance/count}. */
    static String freshKey() {
        return UUID.randomUUID().toString();
    }

    /** How often {@code /conformance/count/...?key=} was called for {@code key}. */
    int calls(String key) {
        HttpResponse<String> r = get("/conformance/count/peek?key=" + key);
        assertEquals(200, r.statusCode(), r.body());
        return json(r).get("calls").asInt();
    }

    /**
     * {@code expected}, or, on a server with {@code difference}, whatever that server answers itself: then no
     * function wrote the reply. Callers still check that no handler ran.
     */
    void assertStatusOr(ServerDifference difference, int expected, RawResponse r, String what) {
        if (r.status() != expected && difference.appliesTo(kind)) {
            assertNull(r.header(REQUEST_ID), what + ": a function answered " + r);
            return;
        }
        assertEquals(expected, r.status(), what + " -> " + r);
    }
}
