package dev.fetchlet.launcher;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Jetty 12 (ee10) server running one Fetchlet web app at context path {@code /}.
 *
 * <p>The app comes from a WAR file, an exploded web app folder, or the launcher's own classpath. Servlet
 * container initializers are discovered with their {@code @HandlesTypes} classes, Jakarta WebSocket is
 * available through the standard {@code ServerContainer} attribute, and unmatched paths fall through to the
 * default servlet's static resources.
 *
 * <p>Threads: requests run on pooled platform threads; on a JDK 21+ runtime those that arrive while every
 * platform thread is busy run on virtual threads (see {@link ThreadMode}; {@link Builder#threads(ThreadMode)}).
 * Stopping is graceful: readiness turns 503 at once (see {@link #STOPPING_ATTRIBUTE}), the connector
 * refuses new connections, every request already taken, including those still queued for a thread, gets {@link
 * Builder#gracePeriod(Duration) the grace period} to finish and is answered with {@code Connection: close}, then
 * the web app stops and its listeners' {@code contextDestroyed} run. A client must finish each request line and
 * header block within {@link Builder#headerTimeout(Duration) the header timeout}, and the request line and
 * headers are parsed strictly (RFC 9112, Jetty's {@code STRICT} compliance mode), with at most {@link
 * Builder#maxHeaderFields(int) a limit of header fields} (431 past it). No response names the server
 * (no {@code Server} header), and the errors Jetty answers by itself get Fetchlet's short body ({@link ShortErrors}).
 * The port speaks HTTP/1.1 and h2c, HTTP/2 over cleartext, by prior knowledge, as Knative's runtime contract asks
 * (see {@link PriorKnowledgeH2c}).
 *
 * <pre>{@code
 * try (FetchletServer server = FetchletServer.builder()
 *         .app(Path.of("target/my-app.war"))
 *         .host("127.0.0.1")
 *         .port(0)                       // any free port
 *         .gracePeriod(Duration.ofSeconds(5))
 *         .build()) {
 *     server.start();
 *     HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/hello")).build();
 *     server.routes().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class FetchletServer implements AutoCloseable {

    /** Servlet context attribute where Fetchlet's initializer leaves its printable route table. */
    public static final String ROUTE_LISTING_ATTRIBUTE = "dev.fetchlet.routeListing";

    /**
     * Servlet context attribute the launcher sets to {@link Boolean#TRUE} when a stop begins, before in-flight
     * requests drain; Fetchlet's readiness check then answers 503 while liveness stays 200. A plain attribute
     * of a JDK type because the WAR has its own class loader and sees no launcher or Jetty class, and because
     * the servlet lifecycle has no event for "stopping": {@code contextDestroyed} runs only after the drain.
     */
    public static final String STOPPING_ATTRIBUTE = "dev.fetchlet.stopping";

    private static final Logger LOG = LoggerFactory.getLogger(FetchletServer.class);

    static {
        JettyPresets.apply(); // before the first Jetty class that reads them loads
    }

    private final Server server;
    /** The listening socket's backlog: as many pending connections as the kernel allows by default. */
    static final int ACCEPT_QUEUE = 4096;

    private final ServerConnector connector;
    private final WebAppContext webApp;
    private final QueuedThreadPool threadPool;
    private final boolean virtualThreads;

    private FetchletServer(Builder builder) {
        threadPool = ThreadPools.create(builder.maxThreads, builder.threads);
        virtualThreads = threadPool.getVirtualThreadsExecutor() != null;
        server = new Server(threadPool);
        HttpConfiguration http = new HttpConfiguration();
        // RFC 9112 as written: e.g. a lower-case "http/1.1" or a header line ending in a bare LF is a 400.
        http.setHttpCompliance(HttpCompliance.STRICT);
        ShortErrors.hideServerVersion(http);
        // HTTP/1.1 and h2c on one port (Knative's runtime contract): a connection opening with the HTTP/2 preface
        // (prior knowledge) switches to HTTP/2.
        connector = new ServerConnector(server, new HeaderTimeoutConnectionFactory(http, builder.headerTimeout,
            builder.maxHeaderFields()),
            new PriorKnowledgeH2c(http));
        connector.setHost(builder.host);
        connector.setPort(builder.port);
        // Jetty's default (1 s) would close connections whose request is still queued for a thread once the stop
        // begins; the drain closes idle ones itself, so only the grace period bounds the rest.
        connector.setShutdownIdleTimeout(Math.max(1, builder.gracePeriod.toMillis()));
        // Jetty passes 0, for which the JDK listens with a backlog of 50: a burst of new connections beyond that
        // (a scale-up, a load balancer reconnecting) has its SYNs dropped and retried after a second or more.
        // The kernel caps this at net.core.somaxconn (4096 on current Linux).
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        server.addConnector(connector);

        webApp = builder.classpathApp
            ? WebApps.fromClasspath(builder.staticFolder, builder.scanFilter)
            : WebApps.fromWar(builder.app, builder.scanFilter);
        // The app's stop waits for its waitUntil tasks as long as the server waits for requests.
        webApp.setInitParameter("FUNC_GRACE_PERIOD", builder.gracePeriod.toMillis() + "ms");
        if (builder.accessLog) {
            webApp.setInitParameter("FUNC_ACCESS_LOG", "json");
        }
        // Counts in-flight requests so that stop() can wait for them, and serves those queued when it begins.
        server.setHandler(new DrainingHandler(webApp, connector, threadPool));
        server.setStopTimeout(builder.gracePeriod.toMillis());
        server.setStopAtShutdown(false);
        ShortErrors.install(server); // errors outside the web app: a bad request line, 431, 414, ...
    }

    /** Starts a builder; {@link Builder#app(Path)} or {@link Builder#classpathApp(Path)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and deploys the app.
     *
     * @throws LaunchException if the port cannot be bound or the app fails to deploy (for example an
     *     initializer throws); the server is stopped again before this is thrown
     */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            throw new LaunchException("Could not start the app: " + e.getMessage(), e);
        }
        if (!webApp.isAvailable()) {
            Throwable cause = webApp.getUnavailableException();
            stopQuietly();
            throw new LaunchException("The app failed to deploy"
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
        }
        LOG.info("Requests run on {}", ThreadPools.describe(threadPool));
    }

    /** The bound port: the ephemeral one when built with port 0; -1 before start. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The app's base URI, for example {@code http://127.0.0.1:8080/}; {@code localhost} when bound to all interfaces. */
    public URI uri() {
        String host = connector.getHost();
        if (host == null || host.isEmpty() || new InetSocketAddress(host, 0).getAddress().isAnyLocalAddress()) {
            host = "localhost";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /**
     * The route table the app published under {@link #ROUTE_LISTING_ATTRIBUTE}, one printable line per route;
     * empty if the app published none (it is not a Fetchlet app) or the server is not running.
     */
    public List<String> routes() {
        if (!webApp.isStarted()) {
            return List.of();
        }
        Object listing = webApp.getServletContext().getAttribute(ROUTE_LISTING_ATTRIBUTE);
        if (!(listing instanceof List<?> lines)) {
            return List.of();
        }
        return lines.stream().map(String::valueOf).toList();
    }

    /** Whether every request runs on a virtual thread: {@link ThreadMode#VIRTUAL} on a JDK 21+ runtime. */
    public boolean usesVirtualThreads() {
        return virtualThreads;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops gracefully: readiness answers 503, no new connections, requests already taken get the grace period,
     * then the app stops. Calling it again, or before start, does nothing.
     */
    public void stop() {
        if (server.isStopped() || server.isStopping()) {
            return;
        }
        if (webApp.isAvailable()) {
            webApp.getServletContext().setAttribute(STOPPING_ATTRIBUTE, Boolean.TRUE);
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new LaunchException("Could not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("Ignored while stopping after a failed start", e);
        }
    }

    /** Collects the settings of a {@link FetchletServer}; each setter returns this builder. */
    public static final class Builder {
        private Path app;
        private boolean classpathApp;
        private Path staticFolder;
        private String host;
        private int port = 8080;
        private Duration gracePeriod = Duration.ofSeconds(30);
        private Duration headerTimeout = Duration.ofSeconds(10);
        private int maxThreads = ThreadPools.DEFAULT_MAX_THREADS;
        private ThreadMode threads = ThreadMode.AUTO;
        private JarScanFilter scanFilter = JarScanFilter.DEFAULT;
        private boolean accessLog;
        private Integer maxHeaderFields;

        private Builder() {
        }

        /**
         * The most header fields a request may carry; past it, 431 before the app sees the request. Default: the
         * {@code FUNC_MAX_HEADER_FIELDS} system property, else that environment variable, else 100, which the
         * app's adapter reads too. (A web app's context parameter of that name is seen by the app alone: set the
         * variable instead.)
         */
        public Builder maxHeaderFields(int maxHeaderFields) {
            if (maxHeaderFields < 1) {
                throw new IllegalArgumentException("maxHeaderFields must be 1 or more: " + maxHeaderFields);
            }
            this.maxHeaderFields = maxHeaderFields;
            return this;
        }

        private int maxHeaderFields() {
            return maxHeaderFields != null ? maxHeaderFields
                : HeaderFieldLimit.fromProcess(System.getProperties(), System.getenv());
        }

        /** Serves a {@code .war} file or an exploded web app folder. */
        public Builder app(Path warFileOrExplodedFolder) {
            this.app = Objects.requireNonNull(warFileOrExplodedFolder, "warFileOrExplodedFolder");
            this.classpathApp = false;
            return this;
        }

        /**
         * Serves an app whose classes are on this JVM's classpath rather than in a WAR. Classpath jars and
         * folders are scanned for the {@code @HandlesTypes} classes of servlet container initializers.
         *
         * @param staticFolderOrNull a folder served as static resources, or {@code null} for none
         */
        public Builder classpathApp(Path staticFolderOrNull) {
            this.staticFolder = staticFolderOrNull;
            this.classpathApp = true;
            this.app = null;
            return this;
        }

        /** The interface to bind, such as {@code 127.0.0.1}; {@code null} (the default) binds all interfaces. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port to bind, 0 for any free port; default 8080. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** How long in-flight requests may run on after stop begins; default 30 seconds. */
        public Builder gracePeriod(Duration gracePeriod) {
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            if (gracePeriod.isNegative()) {
                throw new IllegalArgumentException("gracePeriod must not be negative: " + gracePeriod);
            }
            this.gracePeriod = gracePeriod;
            return this;
        }

        /**
         * How long a client may take to send a request line and its headers, counted from the request's first
         * bytes; the connection is closed when it runs out. Default 10 seconds.
         */
        public Builder headerTimeout(Duration headerTimeout) {
            Objects.requireNonNull(headerTimeout, "headerTimeout");
            if (headerTimeout.isNegative() || headerTimeout.isZero()) {
                throw new IllegalArgumentException("headerTimeout must be positive: " + headerTimeout);
            }
            this.headerTimeout = headerTimeout;
            return this;
        }

        /**
         * The most platform threads in the server's pool; default 200. On JDK 17, and in
         * {@link ThreadMode#PLATFORM} mode, this bounds the requests that run at once (the rest queue); on JDK 21+
         * in {@link ThreadMode#AUTO} mode the requests beyond it run on virtual threads.
         */
        public Builder maxThreads(int maxThreads) {
            if (maxThreads < ThreadPools.MIN_THREADS) {
                throw new IllegalArgumentException("maxThreads must be at least " + ThreadPools.MIN_THREADS + ": "
                    + maxThreads);
            }
            this.maxThreads = maxThreads;
            return this;
        }

        /**
         * Which threads run requests; default {@link ThreadMode#AUTO}: platform threads, and virtual threads (JDK
         * 21+) for the requests that arrive while every platform thread is busy.
         */
        public Builder threads(ThreadMode threads) {
            this.threads = Objects.requireNonNull(threads, "threads");
            return this;
        }

        /**
         * The jars left out of the start-up scan for handler classes; default {@link JarScanFilter#DEFAULT}, which
         * skips well-known libraries such as Jackson. {@link JarScanFilter#NONE} scans every jar.
         */
        public Builder scanFilter(JarScanFilter scanFilter) {
            this.scanFilter = Objects.requireNonNull(scanFilter, "scanFilter");
            return this;
        }

        /**
         * Whether each request is logged as one JSON line on the logger {@code dev.fetchlet.access}; default off
         * (the app's own {@code FUNC_ACCESS_LOG} setting may still turn it on).
         */
        public Builder accessLog(boolean accessLog) {
            this.accessLog = accessLog;
            return this;
        }

        /**
         * Checks the settings and creates the server, not yet started.
         *
         * @throws IllegalStateException if no app was chosen
         * @throws IllegalArgumentException if the app or static folder does not exist
         */
        public FetchletServer build() {
            if (classpathApp) {
                if (staticFolder != null && !Files.isDirectory(staticFolder)) {
                    throw new IllegalArgumentException("Static folder not found: " + staticFolder);
                }
            } else if (app == null) {
                throw new IllegalStateException("Choose an app: app(war or folder) or classpathApp(static folder)");
            } else if (!Files.exists(app)) {
                throw new IllegalArgumentException("App not found: " + app);
            }
            return new FetchletServer(this);
        }
    }
}
