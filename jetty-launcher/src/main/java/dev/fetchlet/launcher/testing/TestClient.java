package dev.fetchlet.launcher.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client bound to one server: paths are resolved against its base URI, bodies come back as
 * strings. For anything more, {@link #http()} is the underlying {@link HttpClient}.
 *
 * <pre>{@code
 * HttpResponse<String> r = client.post("/", "{\"name\":\"Tiger\"}",
 *         "Content-Type", "application/json", "ce-id", "1", "ce-source", "test", "ce-type", "t", "ce-specversion", "1.0");
 * }</pre>
 */
public final class TestClient {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TestClient(URI base) {
        this.base = base;
    }

    /** {@code path} (with its query) resolved against the server's base URI. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpClient http() {
        return http;
    }

    /** GET with headers given as name, value, name, value, ... */
    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return request("GET", path, null, headers);
    }

    /** POST of a UTF-8 body with headers given as name, value, ... */
    public HttpResponse<String> post(String path, String body, String... headers)
            throws IOException, InterruptedException {
        return request("POST", path, body, headers);
    }

    /** Any method; {@code body} may be null for none. */
    public HttpResponse<String> request(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name, value pairs");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
