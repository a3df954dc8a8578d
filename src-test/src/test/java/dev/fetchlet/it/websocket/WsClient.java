package dev.fetchlet.it.websocket;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.fetchlet.it.harness.Deployment;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A test's WebSocket connection through the JDK's {@code java.net.http.WebSocket}: whole messages (text as
 * {@code String}, binary as {@code byte[]}) land in a queue to take in order, and the close code the server
 * sent completes {@link #closed()}.
 *
 * <pre>{@code
 * WsClient ws = WsClient.connect(deployment, "/conformance/ws/echo");
 * ws.send("hi");
 * assertEquals("hi", ws.nextText());
 * }</pre>
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    /** Generous: the machine is small and shared, and a test waits only as long as it must. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Handshakes in flight at once when opening many connections: below the containers' accept backlogs. */
    static final int CONNECTING_AT_ONCE = 50;

    // One client for every connection of the suite: a few threads, whatever the number of sockets.
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "ws-test-client");
        t.setDaemon(true);
        return t;
    });
    static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(THREADS)
            .connectTimeout(TIMEOUT)
            .build();

    /** How the server closed the connection; 1006 if it broke without a close frame. */
    record Closed(int code, String reason) {
    }

    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final Predicate<String> keepText;
    private final StringBuilder textParts = new StringBuilder();
    private final ByteArrayOutputStream binaryParts = new ByteArrayOutputStream();
    private WebSocket socket;

    private WsClient(Predicate<String> keepText) {
        this.keepText = keepText;
    }

    /** Connects to a path (and query) of the deployment, offering the given subprotocols. */
    static WsClient connect(Deployment deployment, String pathAndQuery, String... subprotocols) {
        return connectAsync(deployment, pathAndQuery, text -> true, subprotocols).join();
    }

    /** Connects without waiting; only text messages {@code keepText} accepts are queued. */
    static CompletableFuture<WsClient> connectAsync(Deployment deployment, String pathAndQuery,
                                                    Predicate<String> keepText, String... subprotocols) {
        WsClient client = new WsClient(keepText);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], List.of(subprotocols).subList(1, subprotocols.length).toArray(String[]::new));
        }
        return builder.buildAsync(wsUri(deployment, pathAndQuery), client).thenApply(ws -> {
            client.socket = ws;
            return client;
        });
    }

    /**
     * Opens {@code count} connections, {@value #CONNECTING_AT_ONCE} handshakes at a time; connection {@code i}
     * goes to {@code pathAndQuery.apply(i)} and queues the text messages {@code keepText} accepts.
     */
    static List<WsClient> connectMany(Deployment deployment, int count, IntFunction<String> pathAndQuery,
                                      Predicate<String> keepText) {
        List<WsClient> clients = new ArrayList<>(count);
        try {
            for (int wave = 0; wave < count; wave += CONNECTING_AT_ONCE) {
                List<CompletableFuture<WsClient>> connecting = new ArrayList<>();
                for (int i = wave; i < Math.min(count, wave + CONNECTING_AT_ONCE); i++) {
                    connecting.add(connectAsync(deployment, pathAndQuery.apply(i), keepText));
                }
                for (CompletableFuture<WsClient> c : connecting) {
                    clients.add(c.join());
                }
            }
            return clients;
        } catch (RuntimeException | Error e) {
            clients.forEach(WsClient::abort);
            throw e;
        }
    }

    static URI wsUri(Deployment deployment, String pathAndQuery) {
        return URI.create(deployment.uri(pathAndQuery).toString().replaceFirst("^http", "ws"));
    }

    WebSocket socket() {
        return socket;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void send(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** The next text message; fails the test if none comes in time or a binary one comes first. */
    String nextText() throws InterruptedException {
        Object m = next();
        if (!(m instanceof String s)) {
            throw new AssertionError("expected a text message, got " + describe(m));
        }
        return s;
    }

    /** The next binary message. */
    byte[] nextBinary() throws InterruptedException {
        Object m = next();
        if (!(m instanceof byte[] b)) {
            throw new AssertionError("expected a binary message, got " + describe(m));
        }
        return b;
    }

    /** The next message that {@code wanted} accepts, skipping others. */
    String nextTextMatching(Predicate<String> wanted) throws InterruptedException {
        while (true) {
            String text = nextText();
            if (wanted.test(text)) {
                return text;
            }
        }
    }

    /** A message that is already queued or arrives within {@code wait}, or null. */
    Object poll(Duration wait) throws InterruptedException {
        return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The next message, waiting up to {@link #TIMEOUT}; a closed connection with nothing queued fails at once, as
     * no message comes after the close.
     */
    private Object next() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Object m = null;
        while (m == null && System.nanoTime() < deadline) {
            m = messages.poll(100, TimeUnit.MILLISECONDS);
            if (m == null && closed.isDone()) {
                m = messages.poll(); // a message queued just before the close callback
                break;
            }
        }
        assertNotNull(m, closed.isDone() ? "no message before the close: " + closed.join() : "no message within " + TIMEOUT);
        return m;
    }

    /** Completes when the server's close frame arrives or the connection breaks. */
    CompletableFuture<Closed> closed() {
        return closed;
    }

    Closed awaitClose() throws Exception {
        return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        textParts.append(data);
        if (last) {
            String text = textParts.toString();
            textParts.setLength(0);
            if (keepText.test(text)) {
                messages.add(text);
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binaryParts.writeBytes(part);
        if (last) {
            messages.add(binaryParts.toByteArray());
            binaryParts.reset();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null; // the client answers the close frame at once
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete(new Closed(1006, String.valueOf(error)));
    }

    /** Closes normally without waiting for the server's answer. */
    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }

    /** Drops the connection at once: no close handshake. */
    void abort() {
        if (socket != null) {
            socket.abort();
        }
    }

    private static String describe(Object m) {
        return m instanceof byte[] b ? b.length + " bytes" : "text '" + m + "'";
    }
}
