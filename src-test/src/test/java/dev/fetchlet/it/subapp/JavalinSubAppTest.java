package dev.fetchlet.it.subapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPEC §6 with a Javalin app, the Express example: {@code ExpressApp} at {@code /express/[[default]]}. */
@OnEachContainer
class JavalinSubAppTest extends SubAppTest {

    JavalinSubAppTest(ContainerKind kind) {
        super(kind);
    }

    @Test
    void mountFolderWithoutSlashReachesTheAppsRoot() {
        HttpResponse<String> r = get("/express");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("Hello from Express on Fetchlet!", json(r).get("message").asText());
        requestId(r);
    }

    @Test
    void mountFolderWithSlashReachesTheAppsRoot() {
        HttpResponse<String> r = get("/express/");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("Hello from Express on Fetchlet!", json(r).get("message").asText());
    }

    @Test
    void routeBelowThePrefixGetsItsPathParam() {
        HttpResponse<String> r = get("/express/users/7");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode user = json(r);
        assertEquals("7", user.get("userId").asText());
        assertEquals("Fetched user 7", user.get("message").asText());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void prefixBecomesTheAppsContextPathAndTheQueryIsKept() {
        HttpResponse<String> r = get("/express/request?x=1&y=a%20b");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode seen = json(r);
        assertEquals("/express", seen.get("contextPath").asText());
        assertEquals("", seen.get("servletPath").asText());
        assertEquals("/request", seen.get("pathInfo").asText());
        assertEquals("/express/request", seen.get("requestUri").asText());
        assertEquals("x=1&y=a%20b", seen.get("queryString").asText());
    }

    @Test
    void trailingSlashBelowThePrefixIsTheSameRoute() {
        HttpResponse<String> r = get("/express/request/?x=1");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode seen = json(r);
        assertEquals("/express", seen.get("contextPath").asText());
        assertEquals("/request/", seen.get("pathInfo").asText());
        assertEquals("x=1", seen.get("queryString").asText());
    }

    @Test
    void requestIdHeaderAndFetchletContextReachTheApp() {
        HttpResponse<String> r = get("/express/request");
        String id = requestId(r);
        JsonNode seen = json(r);
        assertEquals(id, seen.get("requestId").asText());
        assertEquals(id, seen.get("contextUuid").asText());
        assertEquals("127.0.0.1", seen.get("clientIp").asText());
        assertEquals("[\"request\"]", seen.get("params").toString());
        assertFalse(id.equals(requestId(get("/express/request"))), "each request has its own id");
    }

    @Test
    void postBodyReachesTheAppIntact() {
        StringBuilder body = new StringBuilder("héllo wörld ✓\r\n");
        for (int i = 0; i < 20_000; i++) {
            body.append(i).append(i % 17 == 0 ? '\n' : ',');
        }
        HttpResponse<String> r = post("/express/echo", "text/plain; charset=utf-8", body.toString());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode echo = json(r);
        assertEquals(body.toString(), echo.get("body").asText());
        assertEquals(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, echo.get("bytes").asInt());
        assertTrue(echo.get("contentType").asText().startsWith("text/plain"), r.body());
    }

    @Test
    void unknownPathIsTheAppsOwn404() {
        HttpResponse<String> r = get("/express/no/such/thing");
        assertEquals(404, r.statusCode());
        // Javalin's own answer, not Fetchlet's JSON 404 nor the container's error page.
        assertTrue(r.body().contains("/no/such/thing") && r.body().contains("not found"), r.body());
        requestId(r);
    }

    @Test
    void fileRouteBesideTheAppWinsForItsPath() {
        HttpResponse<String> r = get("/express/health");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ok: served by a Fetch handler", r.body());
        assertEquals(404, get("/express/health/deeper").statusCode(), "below the file route, the app answers");
    }

    @Test
    void exceptionInTheAppAnswers500WithoutInternals() {
        HttpResponse<String> r = get("/express/boom");
        assertEquals(500, r.statusCode());
        assertFalse(r.body().contains("internal detail"), r.body());
        assertFalse(r.body().contains("IllegalStateException"), r.body());
        assertFalse(r.body().contains("at dev.fetchlet"), r.body());
        requestId(r);
    }

    @Test
    void failingRequestsDoNotDisturbOthers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<HttpResponse<String>>> good = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> bad = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String user = "/express/users/" + i;
                bad.add(CompletableFuture.supplyAsync(() -> get("/express/boom"), pool));
                good.add(CompletableFuture.supplyAsync(() -> get(user), pool));
                good.add(CompletableFuture.supplyAsync(() -> get("/api/hello"), pool));
            }
            for (CompletableFuture<HttpResponse<String>> f : bad) {
                assertEquals(500, f.get(30, TimeUnit.SECONDS).statusCode());
            }
            for (CompletableFuture<HttpResponse<String>> f : good) {
                HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.uri() + " " + r.body());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
