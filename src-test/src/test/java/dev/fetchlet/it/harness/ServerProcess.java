package dev.fetchlet.it.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An app server running the conformance WAR in a child process of the test JVM, listening on {@code 127.0.0.1}.
 * The process is stopped on {@link #close()} and, whatever happens to the tests, by a JVM shutdown hook of its
 * own: first politely (SIGTERM, which each server handles as a graceful stop), then forcibly.
 *
 * <pre>{@code
 * int port = ServerProcess.freePort();
 * ServerProcess server = ServerProcess.start(ContainerKind.PAYARA, port,
 *     new ProcessBuilder(ServerProcess.java(), "-jar", "payara-micro.jar", "--port", "" + port), workFolder,
 *     List.of("Exception while loading the app"));
 * }</pre>
 */
final class ServerProcess implements Deployment, AutoCloseable {

    /** System property: how long a server may take to answer, in seconds (busy CI machines are slow). */
    static final String START_TIMEOUT_PROPERTY = "fetchlet.appserver.startTimeoutSeconds";
    /** A path of the example app (in the conformance WAR too) that answers 200 once the app is up, not just the server. */
    static final String READY_PATH = "/api/hello";

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
    private static final HttpClient PROBE = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();

    private final ContainerKind kind;
    private final int port;
    private final Process process;
    private final Path log;
    private final List<String> failureMarkers;

    private ServerProcess(ContainerKind kind, int port, Process process, Path log, List<String> failureMarkers) {
        this.kind = kind;
        this.port = port;
        this.process = process;
        this.log = log;
        this.failureMarkers = failureMarkers;
    }

    /**
     * Starts the command with its output in {@code workFolder/console.log} and waits until the WAR answers on
     * {@code port}.
     *
     * @param failureMarkers log text by which the server says the WAR failed to deploy: most servers keep
     *     running without the app, and waiting out the timeout would only delay the failure
     * @throws IllegalStateException if the process exits, logs a failure marker, or the WAR does not answer in
     *     time; the process is stopped and the message carries the end of its log
     */
    static ServerProcess start(ContainerKind kind, int port, ProcessBuilder command, Path workFolder,
                               List<String> failureMarkers) throws IOException, InterruptedException {
        Path log = workFolder.resolve("console.log");
        command.redirectErrorStream(true).redirectOutput(log.toFile());
        ServerProcess server = new ServerProcess(kind, port, command.start(), log, List.copyOf(failureMarkers));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-" + kind));
        try {
            server.awaitReady(Duration.ofSeconds(Long.getLong(START_TIMEOUT_PROPERTY, 600)));
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A port nothing listens on now; the server binds it a moment later (a small race the suite accepts). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The {@code java} of the JVM running the tests, so servers run on the same Java. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The test JVM's Fetchlet settings ({@code FUNC_*} system properties, set by surefire) as {@code -D}
     * options, so the WAR in the child process is configured exactly as in the embedded containers.
     */
    static List<String> fetchletSettings() {
        List<String> options = new ArrayList<>();
        System.getProperties().stringPropertyNames().stream()
            .filter(name -> name.startsWith("FUNC_"))
            .sorted()
            .forEach(name -> options.add("-D" + name + "=" + System.getProperty(name)));
        return options;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(uri(READY_PATH)).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(kind + " exited with " + process.exitValue()
                    + " before the WAR answered; end of " + log + ":\n" + logTail());
            }
            String failure = loggedFailure();
            if (failure != null) {
                throw new IllegalStateException(kind + " could not deploy the WAR (its log says \"" + failure
                    + "\"); end of " + log + ":\n" + logTail());
            }
            try {
                if (PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(kind + " did not answer " + READY_PATH + " within " + timeout
            + " (raise -D" + START_TIMEOUT_PROPERTY + "); end of " + log + ":\n" + logTail());
    }

    private String loggedFailure() throws IOException {
        // ISO-8859-1 reads any bytes; the markers are ASCII.
        String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
        return failureMarkers.stream().filter(text::contains).findFirst().orElse(null);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public ContainerKind kind() {
        return kind;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Optional<Path> consoleLog() {
        return Optional.of(log);
    }

    /** Stops the server and any process it started; safe to call more than once, from any thread. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACEFUL_STOP.toNanos();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println(kind + " did not stop within " + GRACEFUL_STOP + "; killing it");
            }
            // A start script (WildFly's standalone.sh) may exit on the signal before the JVM it started has
            // finished its own graceful stop; wait for that JVM too, within the same grace period.
            for (ProcessHandle child : children) {
                long left = Math.max(0, deadline - System.nanoTime());
                child.onExit().get(left, TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            System.err.println(kind + " did not stop within " + GRACEFUL_STOP + "; killing it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
