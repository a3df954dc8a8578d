package dev.fetchlet.it.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Ordinary requests to a deployment through {@code java.net.http}, over HTTP/1.1, redirects not followed.
 * For requests that client refuses to send (malformed lines, forbidden headers) use {@link RawHttp}.
 *
 * <pre>{@code
 * Http http = Http.to(Deployments.of(ContainerKind.JETTY));
 * HttpResponse<String> hello = http.get("/api/hello");
 * HttpResponse<String> echo = http.send("POST", "/api/echo", Map.of("Content-Type", "application/json"), "{}");
 * }</pre>
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Deployment deployment;

    private Http(Deployment deployment) {
        this.deployment = deployment;
    }

    public static Http to(Deployment deployment) {
        return new Http(deployment);
    }

    /** The shared client, for requests this class has no shortcut for. */
    public static HttpClient client() {
        return CLIENT;
    }

    /** GET a path (and query) starting with {@code /}. */
    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, Map.of(), null);
    }

    /**
     * Sends a request and reads the reply body as a string.
     *
     * @param headers request headers; the client refuses a few, such as {@code Host} and {@code Connection}
     * @param body the body as UTF-8 text, or {@code null} for none
     */
    public HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, String body)
        throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
            .timeout(TIMEOUT)
            .method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String pathAndQuery) {
        return deployment.uri(pathAndQuery);
    }
}
