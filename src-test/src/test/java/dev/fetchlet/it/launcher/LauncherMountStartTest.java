package dev.fetchlet.it.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.Wars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example WAR's two mounted frameworks on the launcher, as a user starts it: the Express-style Javalin app at
 * {@code /express} and the Koa-style Jersey app at {@code /koa} start on the first request that reaches each
 * (once, with concurrent first requests), or at deploy with {@code FUNC_MOUNT_START=eager}.
 */
class LauncherMountStartTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String EXPRESS = "Started mounted Javalin app dev.fetchlet.example.express.ExpressApp";
    private static final String KOA = "Started mounted servlet dev.fetchlet.example.koa.Koa";
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]+)\"");

    @Test
    void bothFrameworksStartOnceOnConcurrentFirstRequestsAndSeeTheirRequestIds() throws Exception {
        try (LauncherJar launcher = LauncherJar.start(Wars.example())) {
            assertFalse(launcher.output().contains("Started mounted"), launcher.output());
            assertEquals(200, get(launcher, "/api/hello").statusCode());
            assertFalse(launcher.output().contains("Started mounted"), "a file route starts no mount");

            int clients = 8;
            ExecutorService pool = Executors.newFixedThreadPool(2 * clients);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    for (String path : List.of("/express/request", "/koa/request")) {
                        answers.add(pool.submit(() -> {
                            go.await();
                            return get(launcher, path);
                        }));
                    }
                }
                go.countDown();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> r = answer.get();
                    assertEquals(200, r.statusCode(), r.uri() + ": " + r.body());
                    String id = r.headers().firstValue("Functions-Request-Id").orElseThrow();
                    Matcher seen = REQUEST_ID.matcher(r.body());
                    assertTrue(seen.find(), r.body());
                    assertEquals(id, seen.group(1), r.uri() + " sees its own request's id");
                }
            } finally {
                pool.shutdownNow();
            }
            String output = launcher.output();
            assertEquals(1, count(output, EXPRESS + " on its first request"), output);
            assertEquals(1, count(output, KOA + " on its first request"), output);
            assertEquals(200, get(launcher, "/health/readiness").statusCode());
        }
    }

    @Test
    void eagerSettingStartsBothFrameworksAtDeploy() throws Exception {
        try (LauncherJar launcher = LauncherJar.start(Map.of("FUNC_MOUNT_START", "eager"), Wars.example())) {
            String atStart = launcher.output();
            assertEquals(1, count(atStart, EXPRESS + " at deploy"), atStart);
            assertEquals(1, count(atStart, KOA + " at deploy"), atStart);
            assertEquals(200, get(launcher, "/express").statusCode());
            assertEquals(200, get(launcher, "/koa").statusCode());
            assertFalse(launcher.output().contains("on its first request"), launcher.output());
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static HttpResponse<String> get(LauncherJar launcher, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + launcher.port() + path))
                .timeout(Duration.ofSeconds(60)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
