package dev.fetchlet;

import dev.fetchlet.internal.Json;
import dev.fetchlet.internal.MediaType;
import dev.fetchlet.internal.Multipart;
import dev.fetchlet.internal.Text;
import dev.fetchlet.internal.UnreadableBodyException;
import dev.fetchlet.internal.UrlEncoded;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An incoming HTTP request in the shape of the Fetch API's {@code Request}: method, full URL, headers and a
 * body that is read once.
 *
 * <p>The body streams: {@link #body()} hands out the stream as it arrives, and the other readers
 * ({@link #text()}, {@link #json()}, {@link #bytes()}, {@link #formData()}) consume it. Whichever runs first
 * marks the body used ({@link #bodyUsed()}); a second read throws {@link IllegalStateException}. In a
 * container, reading past the configured body limit throws a 413 {@link HttpException}.
 *
 * <pre>{@code
 * record Order(String item, int quantity) {}
 *
 * public Response onRequestPost(Context ctx) {
 *     Order order = ctx.request().json(Order.class); // malformed JSON answers 400
 *     return Response.json(Map.of("received", order.item()));
 * }
 * }</pre>
 *
 * <p>Build one for a unit test with {@link #builder(String, String)}.
 */
public final class Request {
    private final String method;
    private final String url;
    private final String rawPath;
    private final String rawQuery;
    private final Headers headers;
    private final InputStream body;
    private boolean bodyUsed;
    private Map<String, List<String>> queryParams;

    private Request(Builder b) {
        this.method = b.method;
        this.url = b.url;
        this.headers = b.headers;
        this.body = b.body;
        if (b.rawPath != null) {
            this.rawPath = b.rawPath;
            this.rawQuery = b.rawQuery;
        } else {
            String[] parts = splitUrl(b.url);
            this.rawPath = parts[0];
            this.rawQuery = parts[1];
        }
    }

    /**
     * A request builder, for unit tests of handlers and for hosts that adapt other servers.
     *
     * <pre>{@code
     * Request req = Request.builder("POST", "http://localhost/api/echo")
     *         .header("Content-Type", "application/json")
     *         .body("{\"a\":1}")
     *         .build();
     * }</pre>
     */
    public static Builder builder(String method, String url) {
        return new Builder(method, url);
    }

    /** The method, upper-case as sent: {@code GET}, {@code POST}, ... */
    public String method() {
        return method;
    }

    /** The full URL as the client used it: scheme, host, port, path and query. */
    public String url() {
        return url;
    }

    /** The path as sent, still percent-encoded, e.g. {@code /api/users/a%20b}. */
    public String rawPath() {
        return rawPath;
    }

    /** The decoded path, e.g. {@code /api/users/a b}. */
    public String path() {
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    /** The query string without {@code ?}, still encoded; null if the URL has none. */
    public String rawQuery() {
        return rawQuery;
    }

    /** The first value of query parameter {@code name}, decoded; null if absent. */
    public String query(String name) {
        List<String> values = queryParams().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every query parameter, decoded, in order of first appearance; read-only, like the request itself. */
    public Map<String, List<String>> queryParams() {
        if (queryParams == null && (rawQuery == null || rawQuery.isEmpty())) {
            queryParams = Collections.emptyMap(); // the common case, a URL without a query: nothing to parse or wrap
        } else if (queryParams == null) {
            Map<String, List<String>> parsed = UrlEncoded.parse(rawQuery, StandardCharsets.UTF_8);
            parsed.replaceAll((name, values) -> List.copyOf(values));
            queryParams = Collections.unmodifiableMap(parsed);
        }
        return queryParams;
    }

    public Headers headers() {
        return headers;
    }

    /** Shorthand for {@code headers().get(name)}. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The {@code Content-Type} header, or null. */
    public String contentType() {
        return headers.first("Content-Type");
    }

    /** Whether a reader has taken the body already. */
    public boolean bodyUsed() {
        return bodyUsed;
    }

    /**
     * The body as a stream, for reading it piece by piece. Marks the body used.
     *
     * @throws IllegalStateException if the body was read already
     */
    public InputStream body() {
        if (bodyUsed) {
            throw new IllegalStateException("the request body has already been read");
        }
        bodyUsed = true;
        return body;
    }

    /**
     * The whole body as bytes, as sent: no charset check.
     *
     * @throws HttpException 400 if the body cannot be read (malformed chunked framing, a connection that ends
     *     before the declared length), 413 past the body limit
     */
    public byte[] bytes() {
        try (InputStream in = body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
    }

    /**
     * The whole body as text, in the charset its {@code Content-Type} names (UTF-8 by default).
     *
     * @throws HttpException 400 if the bytes are not valid in that charset (for UTF-8, overlong forms and
     *     surrogates included) or the body cannot be read
     */
    public String text() {
        return Text.decode(bytes(), MediaType.charset(contentType()));
    }

    /**
     * The body parsed as JSON into maps, lists, strings, numbers, booleans or null (for a body of {@code null}).
     *
     * @throws HttpException 400 if the body is empty, not valid JSON or not valid UTF-8
     */
    public Object json() {
        return json(Object.class);
    }

    /**
     * The body parsed as JSON into {@code type} (a record, a bean, {@code Map.class}, ...).
     *
     * @throws HttpException 400 if the body is empty, not valid JSON or UTF-8, {@code null}, or does not fit
     *     {@code type} (the message names the field and what it expects)
     */
    public <T> T json(Class<T> type) {
        try (InputStream in = body()) {
            return Json.read(in, type);
        } catch (IOException e) {
            throw new UnreadableBodyException(e); // from close(): the read itself succeeded or threw already
        }
    }

    /**
     * The body as form data, from {@code application/x-www-form-urlencoded} or {@code multipart/form-data}.
     *
     * @throws HttpException 415 for another content type, 400 for a malformed body
     */
    public FormData formData() {
        String type = contentType();
        String essence = MediaType.essence(type);
        if (essence.equals("application/x-www-form-urlencoded")) {
            String text = Text.decode(bytes(), MediaType.charset(type));
            return FormData.builder().fields(UrlEncoded.parse(text, MediaType.charset(type))).build();
        }
        if (essence.equals("multipart/form-data")) {
            return Multipart.parse(bytes(), MediaType.parameter(type, "boundary"), MediaType.charset(type));
        }
        throw HttpException.unsupportedMediaType(
                "formData() reads application/x-www-form-urlencoded or multipart/form-data, not " + essence);
    }

    @Override
    public String toString() {
        return method + " " + url;
    }

    private static String[] splitUrl(String url) {
        int start = 0;
        int scheme = url.indexOf("://");
        if (scheme >= 0) {
            // The authority ends at the first '/', '?' or '#': "http://host?q=1" has a query and an empty path.
            start = url.length();
            for (int i = scheme + 3; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c == '/' || c == '?' || c == '#') {
                    start = i;
                    break;
                }
            }
        }
        int hash = url.indexOf('#', start);
        String rest = hash < 0 ? url.substring(start) : url.substring(start, hash);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? null : rest.substring(q + 1);
        return new String[] {path.isEmpty() ? "/" : path, query};
    }

    /** Builds a {@link Request}. */
    public static final class Builder {
        private final String method;
        private final String url;
        private String rawPath;
        private String rawQuery;
        // Both made at build() when not given: a host passes its own, and a default made anyway would be garbage.
        private Headers headers;
        private InputStream body;

        private Builder(String method, String url) {
            this.method = Objects.requireNonNull(method, "method");
            this.url = Objects.requireNonNull(url, "url");
        }

        public Builder header(String name, String value) {
            if (headers == null) {
                headers = new Headers();
            }
            headers.append(name, value);
            return this;
        }

        public Builder headers(Headers headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        public Builder body(InputStream body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        public Builder body(byte[] body) {
            return body(new ByteArrayInputStream(body));
        }

        public Builder body(String body) {
            return body(body.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The path and query as sent, when the host already has them apart (saves parsing the URL again).
         * {@code rawQuery} may be null.
         */
        public Builder target(String rawPath, String rawQuery) {
            this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
            this.rawQuery = rawQuery;
            return this;
        }

        public Request build() {
            if (headers == null) {
                headers = new Headers();
            }
            if (body == null) {
                body = InputStream.nullInputStream();
            }
            return new Request(this);
        }
    }
}
