package dev.fetchlet.it.middleware;

import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests the middleware tests send, with headers given as name, value pairs. */
final class MiddlewareCalls {
    private final Http http;

    MiddlewareCalls(Deployment deployment) {
        this.http = Http.to(deployment);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        try {
            return http.send(method, path, map, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every value of a header, each comma-separated list split into its items. */
    static List<String> values(HttpResponse<?> reply, String name) {
        return reply.headers().allValues(name).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String header(HttpResponse<?> reply, String name) {
        return reply.headers().firstValue(name).orElse(null);
    }
}
