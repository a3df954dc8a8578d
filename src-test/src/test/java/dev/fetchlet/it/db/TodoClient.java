package dev.fetchlet.it.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The example's database routes, spoken to over HTTP like any client, with JSON replies parsed. */
final class TodoClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");

    private final Http http;

    TodoClient(Deployment deployment) {
        this.http = Http.to(deployment);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.get(path);
    }

    HttpResponse<String> send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        return http.send(method, path, jsonBody == null ? Map.of() : JSON_TYPE, jsonBody);
    }

    HttpResponse<String> create(String title) throws IOException, InterruptedException {
        return send("POST", "/api/todos", JSON.createObjectNode().put("title", title).toString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static String quote(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }

    /** The value of one sample in a Prometheus text exposition, or -1 when it is absent. */
    static double sample(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
