package dev.fetchlet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The sending side of a Server-Sent Events stream ({@code text/event-stream}), as handed to the source of
 * {@link Response#sse}. Every call writes one complete event and flushes it, so the client sees it at once.
 * A call throws {@link IOException} once the client has gone: let it escape to end the stream.
 *
 * <pre>{@code
 * return Response.sse(events -> {
 *     for (int i = 1; i <= 3; i++) {
 *         events.send("tick", String.valueOf(i));
 *         Thread.sleep(1000);
 *     }
 * });
 * }</pre>
 */
public final class ServerSentEvents {
    private final OutputStream out;

    /** The code that produces the events. It runs on the request's thread while the response streams. */
    @FunctionalInterface
    public interface Source {
        void stream(ServerSentEvents events) throws Exception;
    }

    ServerSentEvents(OutputStream out) {
        this.out = out;
    }

    /** Sends an unnamed event ({@code message} in the browser's EventSource). */
    public ServerSentEvents send(String data) throws IOException {
        return send(null, data, null);
    }

    /** Sends a named event. */
    public ServerSentEvents send(String event, String data) throws IOException {
        return send(event, data, null);
    }

    /** Sends a named event with an id the client echoes in {@code Last-Event-ID} when it reconnects. */
    public ServerSentEvents send(String event, String data, String id) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (id != null) {
            sb.append("id: ").append(singleLine(id)).append('\n');
        }
        if (event != null) {
            sb.append("event: ").append(singleLine(event)).append('\n');
        }
        // A multi-line payload becomes several data lines, which the client joins back with newlines.
        for (String line : (data == null ? "" : data).split("\r\n|\r|\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return emit(sb.append('\n'));
    }

    /** Sends a comment line, which clients ignore: useful to keep idle connections open. */
    public ServerSentEvents comment(String text) throws IOException {
        return emit(new StringBuilder(": ").append(singleLine(text)).append("\n\n"));
    }

    /**
     * Tells the client how long to wait before reconnecting.
     *
     * @throws IllegalArgumentException for a negative delay, which the field cannot express (clients ignore it)
     */
    public ServerSentEvents retry(Duration delay) throws IOException {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("an SSE retry delay cannot be negative: " + delay);
        }
        return emit(new StringBuilder("retry: ").append(delay.toMillis()).append("\n\n"));
    }

    private ServerSentEvents emit(CharSequence text) throws IOException {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    private static String singleLine(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an SSE event name, id or comment cannot span lines");
        }
        return s;
    }
}
