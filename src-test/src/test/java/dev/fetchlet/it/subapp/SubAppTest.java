package dev.fetchlet.it.subapp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the sub-app tests share: the example WAR in one container, where {@code /express/[[default]]} is a Javalin
 * app and {@code /koa/[[default]]} a JAX-RS app on Jersey's servlet, and a few requests and assertions.
 */
abstract class SubAppTest {
    static final String REQUEST_ID = "Functions-Request-Id";
    static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    final ContainerKind kind;
    final Http http;

    SubAppTest(ContainerKind kind) {
        this.kind = kind;
        this.http = Http.to(Deployments.of(kind));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, Map.of(), null);
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, String body) {
        return send("POST", pathAndQuery, Map.of("Content-Type", contentType), body);
    }

    HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        try {
            return http.send(method, pathAndQuery, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }

    /** The request id Fetchlet sent with a reply, checked to be a UUID. */
    static String requestId(HttpResponse<String> reply) {
        String id = reply.headers().firstValue(REQUEST_ID).orElse(null);
        assertTrue(id != null && UUID_FORM.matcher(id).matches(), "request id header: " + reply.headers().map());
        return id;
    }
}
