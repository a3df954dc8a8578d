package dev.fetchlet;

import dev.fetchlet.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An HTTP response in the shape of the Fetch API's {@code Response}: a status, headers and a body. Start from
 * a factory for the kind of body, then adjust status and headers fluently.
 *
 * <pre>{@code
 * Response.text("Hello from Fetchlet!");
 * Response.json(Map.of("id", id)).status(201).header("Location", "/api/users/" + id);
 * Response.redirect("/login");
 * Response.stream("text/csv", out -> rows.forEach(r -> write(out, r)));   // never held in memory
 * Response.sse(events -> { events.send("tick", "1"); events.send("tick", "2"); });
 * }</pre>
 *
 * <p>A body is either bytes (sent with a {@code Content-Length}) or a {@link BodyWriter} that writes to the
 * connection as it goes (sent chunked, flushed as the writer flushes). Not thread-safe: build it on one
 * thread and return it.
 */
public final class Response {
    private static final byte[] NO_BODY = new byte[0];

    private int status;
    private final Headers headers = new Headers();
    private final byte[] bytes;
    private final BodyWriter writer;
    private WebSocketUpgrade webSocket;

    /** Writes a response body to the connection; flush to push what is written so far to the client. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws Exception;
    }

    private Response(int status, byte[] bytes, BodyWriter writer) {
        this.status = checkStatus(status);
        this.bytes = bytes;
        this.writer = writer;
    }

    /** 200 with a {@code text/plain; charset=UTF-8} body. */
    public static Response text(String body) {
        return of(body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
    }

    /** 200 with a {@code text/html; charset=UTF-8} body. */
    public static Response html(String body) {
        return of(body.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8");
    }

    /** 200 with {@code value} serialised as JSON (records, beans, maps, lists, ...). */
    public static Response json(Object value) {
        return of(Json.write(value), "application/json");
    }

    /** 200 with binary content of the given type. */
    public static Response bytes(byte[] body, String contentType) {
        return of(body.clone(), contentType);
    }

    /** 200 whose body {@code writer} streams to the client as it produces it. */
    public static Response stream(String contentType, BodyWriter writer) {
        Response r = new Response(200, null, Objects.requireNonNull(writer, "writer"));
        r.headers.set("Content-Type", contentType);
        return r;
    }

    /**
     * 200 with a {@code text/event-stream} body: Server-Sent Events written as {@code source} sends them, each
     * flushed at once. The stream ends when {@code source} returns or the client goes away.
     */
    public static Response sse(ServerSentEvents.Source source) {
        Objects.requireNonNull(source, "source");
        Response r = stream("text/event-stream; charset=UTF-8", out -> source.stream(new ServerSentEvents(out)));
        r.headers.set("Cache-Control", "no-cache");
        r.headers.set("X-Accel-Buffering", "no"); // ask reverse proxies not to buffer the stream
        return r;
    }

    /** 302 to {@code location}. */
    public static Response redirect(String location) {
        return redirect(location, 302);
    }

    /** A redirect with one of 301, 302, 303, 307, 308. */
    public static Response redirect(String location, int status) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("not a redirect status: " + status);
        }
        Response r = new Response(status, NO_BODY, null);
        r.headers.set("Location", location);
        return r;
    }

    /**
     * Upgrades a WebSocket request ({@code GET} with {@code Upgrade: websocket}) to a WebSocket connection that
     * {@code listener} serves. A request without the upgrade header gets 426 Upgrade Required instead.
     *
     * <pre>{@code
     * public Response onRequestGet(Context ctx) {
     *     return Response.webSocket(new ChatListener(ctx.params().get("room")));
     * }
     * }</pre>
     */
    public static Response webSocket(WebSocketListener listener) {
        return webSocket(listener, WebSocketOptions.defaults());
    }

    /** Like {@link #webSocket(WebSocketListener)}, with subprotocols, a message size limit or an idle timeout. */
    public static Response webSocket(WebSocketListener listener, WebSocketOptions options) {
        Response r = new Response(101, NO_BODY, null);
        r.webSocket = new WebSocketUpgrade(listener, options);
        return r;
    }

    /** A response with {@code status} and no body, e.g. {@code Response.empty(204)}. */
    public static Response empty(int status) {
        return new Response(status, NO_BODY, null);
    }

    private static Response of(byte[] body, String contentType) {
        Response r = new Response(200, body, null);
        r.headers.set("Content-Type", contentType);
        return r;
    }

    /** Sets the status code (100 to 599). */
    public Response status(int status) {
        this.status = checkStatus(status);
        return this;
    }

    /** Sets a header, replacing any value it had. */
    public Response header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Headers headers() {
        return headers;
    }

    /** The WebSocket upgrade this response asks for, or null for an ordinary HTTP response. */
    public WebSocketUpgrade webSocketUpgrade() {
        return webSocket;
    }

    /** Whether the body is produced by a {@link BodyWriter} rather than held as bytes. */
    public boolean isStreaming() {
        return writer != null;
    }

    /** The body's length in bytes, or -1 when it streams. */
    public long contentLength() {
        return writer != null ? -1 : bytes.length;
    }

    /** Writes the body to {@code out}: the held bytes, or whatever the writer produces. */
    public void writeBody(OutputStream out) throws Exception {
        if (writer != null) {
            writer.writeTo(out);
        } else if (bytes.length > 0) {
            out.write(bytes);
        }
    }

    /** The whole body as bytes; a streaming body is run to its end in memory (meant for tests). */
    public byte[] bodyBytes() throws Exception {
        if (writer == null) {
            return bytes.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(out);
        return out.toByteArray();
    }

    /** The whole body as UTF-8 text (meant for tests). */
    public String bodyText() throws Exception {
        return new String(bodyBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Response{" + status + ", " + headers + (writer != null ? ", streaming}" : ", " + bytes.length + " bytes}");
    }

    private static int checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be within 100..599, not " + status);
        }
        return status;
    }
}
