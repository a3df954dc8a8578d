package dev.fetchlet.launcher.testing;

import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded Jetty serving exactly the Fetchlet classes it is given (functions, {@code @Route} handlers) on
 * {@code 127.0.0.1} and a free port. Nothing is scanned, so it starts in milliseconds and two servers in one
 * JVM never see each other's classes. Settings (such as {@code FUNC_TIMEOUT}) are passed as context
 * parameters, the lowest-priority source: a system property or environment variable of the same name wins.
 * Stopping is graceful, like the launcher's: requests in flight finish first, then {@code shutdown()} runs.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start(Map.of("FUNC_TIMEOUT", "2s"), Greeter.class)) {
 *     HttpResponse<String> r = server.client().get("/health/readiness");
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {
    private static final String INITIALIZER = "dev.fetchlet.servlet.FetchletInitializer";

    private final Server server;
    private final ServerConnector connector;
    private final ServletContextHandler context;

    private TestServer(Map<String, String> settings, Duration gracePeriod, Class<?>... classes) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("fetchlet-test");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        settings.forEach(context::setInitParameter);
        context.addServletContainerInitializer(fetchletInitializer(), classes);
        server.setHandler(new GracefulHandler(context));
        server.setStopTimeout(gracePeriod.toMillis());
        server.setStopAtShutdown(false);
    }

    /**
     * Starts a server for {@code classes} with {@code settings}.
     *
     * @throws IllegalStateException if the app fails to deploy (a bad route, a function's {@code init()}
     *     throwing, ...); the message says why
     */
    public static TestServer start(Map<String, String> settings, Class<?>... classes) {
        return start(settings, Duration.ofSeconds(30), classes);
    }

    /** Like {@link #start(Map, Class[])}, with the time in-flight requests get when the server stops. */
    public static TestServer start(Map<String, String> settings, Duration gracePeriod, Class<?>... classes) {
        TestServer s = new TestServer(settings, gracePeriod, classes);
        try {
            s.server.start();
        } catch (Exception e) {
            s.stopQuietly();
            throw new IllegalStateException("The app failed to deploy: " + rootMessage(e), e);
        }
        if (!s.context.isAvailable()) {
            s.stopQuietly();
            throw new IllegalStateException("The app failed to deploy; see the log for the cause");
        }
        return s;
    }

    /** The base URI, {@code http://127.0.0.1:<port>/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** A new client for this server. */
    public TestClient client() {
        return new TestClient(uri());
    }

    /** The route table, one printable line per route. */
    public List<String> routes() {
        Object listing = context.getServletContext().getAttribute("dev.fetchlet.routeListing");
        return listing instanceof List<?> lines ? lines.stream().map(String::valueOf).toList() : List.of();
    }

    /** Stops gracefully; calling it again does nothing. */
    public void stop() {
        if (server.isStopped() || server.isStopping()) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop cleanly: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing; the start error is the one to report
        }
    }

    private static ServletContainerInitializer fetchletInitializer() {
        return ServiceLoader.load(ServletContainerInitializer.class, TestServer.class.getClassLoader()).stream()
                .filter(p -> p.type().getName().equals(INITIALIZER))
                .map(ServiceLoader.Provider::get)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Fetchlet's initializer is not on the classpath: add the fetchlet-adapter dependency"));
    }

    private static String rootMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null) {
                message = c.getMessage();
            }
        }
        return message;
    }
}
