package dev.fetchlet.launcher.dev;

import dev.fetchlet.config.Settings;
import dev.fetchlet.launcher.LaunchException;
import dev.fetchlet.launcher.ShortErrors;
import dev.fetchlet.routing.SourceRoutes;
import dev.fetchlet.servlet.FetchletInitializer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A development server for a folder of handler sources: it compiles them in memory with the JDK's compiler,
 * serves them as a WAR would be served (same routing, {@code public/} as the static files, {@code .env} as
 * {@code ctx.env()}), and on every change to the folder compiles again and swaps in a new app with a new class
 * loader, so the next request runs the new code without a restart.
 *
 * <p>A source that does not compile is left out; its routes answer 500 with the compile errors while the other
 * routes keep serving the code just compiled. If the app as a whole cannot deploy (two handlers for one route,
 * say), every path answers with that error until a change fixes it. Errors show in the log as well.
 *
 * <p>It answers only requests whose {@code Host} is a loopback name ({@code localhost}, {@code *.localhost},
 * {@code 127.0.0.1}, {@code [::1]}) or {@link Builder#allowedHosts(List) allowed explicitly}: others get 403, so
 * that a web page cannot read it through DNS rebinding.
 * <p>Libraries beyond the launcher's own (a project's dependencies) are added with {@link Builder#classpath(List)}.
 *
 * <p>Needs a JDK: on a runtime without {@code javax.tools}' compiler, {@link #start()} says so.
 *
 * <pre>{@code
 * try (DevServer dev = DevServer.builder().folder(Path.of("my-app")).port(8080).build()) {
 *     dev.start();
 *     System.out.println("Serving on " + dev.uri());
 *     dev.join();
 * }
 * }</pre>
 */
public final class DevServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevServer.class);

    private final SourceFolder folder;
    private final Server server;
    private final ServerConnector connector;
    private final SwappableHandler apps = new SwappableHandler();
    private final HostCheck hostCheck;
    private final List<Path> extraClasspath;
    private final ClassLoader parent;

    private InMemoryCompiler compiler;
    private FolderWatcher watcher;
    private String fingerprint = "";
    private int generation;
    private boolean stopped;
    private volatile List<String> routes = List.of();

    private DevServer(Builder builder) {
        folder = new SourceFolder(builder.folder);
        extraClasspath = builder.classpath;
        parent = LibraryLoader.over(extraClasspath, DevServer.class.getClassLoader());
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("fetchlet-dev");
        server = new Server(threads);
        connector = new ServerConnector(server,
                new HttpConnectionFactory(ShortErrors.hideServerVersion(new HttpConfiguration())));
        connector.setHost(builder.host);
        connector.setPort(builder.port);
        // Outermost: a request for another host reaches neither a route nor a compile-error page.
        hostCheck = new HostCheck(builder.allowedHosts, apps);
        server.setHandler(hostCheck);
        ShortErrors.install(server);
        server.setStopTimeout(0); // a dev server stops at once, cutting streams in flight
        server.setStopAtShutdown(false);
    }

    /** Starts a builder; {@link Builder#folder(Path)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port, compiles and deploys the folder, and starts watching it. Compile errors and a failed
     * deployment do not fail the start: they are shown, and fixed by the next change.
     *
     * @throws LaunchException if the port cannot be bound, or this Java runtime has no compiler
     */
    public synchronized void start() {
        try {
            compiler = InMemoryCompiler.forThisJvm(extraClasspath);
        } catch (IllegalStateException e) {
            throw new LaunchException(e.getMessage(), null); // says it all: no stack trace for a missing JDK
        }
        if (hostCheck.anyHost()) {
            LOG.warn("--allowed-host '*': answering requests for any Host, so a web page can read this server"
                    + " through DNS rebinding; allow the names you use instead");
        }
        try {
            // The port opens once the first build is deployed: no early request finds an empty server.
            server.start();
            watcher = new FolderWatcher(folder, this::reload);
            reload();
            server.addConnector(connector);
            if (!connector.isStarted()) {
                connector.start();
            }
        } catch (Exception e) {
            stop();
            throw new LaunchException("Could not start the dev server: " + e.getMessage(), e);
        }
        watcher.start();
    }

    /** The bound port: the ephemeral one when built with port 0; -1 before start. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URI, such as {@code http://localhost:8080/}. */
    public URI uri() {
        String host = connector.getHost();
        if (host == null || host.isEmpty() || new InetSocketAddress(host, 0).getAddress().isAnyLocalAddress()) {
            host = "localhost";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The folder served. */
    public Path folder() {
        return folder.root();
    }

    /** The route table of the app now deployed, one printable line per route; empty while it cannot deploy. */
    public List<String> routes() {
        return routes;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops watching and serving. Calling it again does nothing. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (watcher != null) {
            watcher.close();
        }
        if (compiler != null) {
            compiler.close();
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the server: {}", e.toString());
        }
        stopQuietly(apps.swap(null));
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Builds the folder again if it changed, and swaps the new app in. Runs on the watcher's thread. */
    synchronized void reload() {
        if (stopped) {
            return;
        }
        String now = folder.fingerprint();
        if (now.equals(fingerprint)) {
            return;
        }
        fingerprint = now;
        long started = System.nanoTime();
        generation++;
        Compilation compilation = compiler.compile(folder.sources());
        long compiled = System.nanoTime();
        report(compilation);
        Handler next;
        try {
            next = deploy(compilation);
        } catch (Exception e) {
            String message = deploymentMessage(e);
            LOG.error("The app failed to deploy; every path shows why until it is fixed:");
            logLines(message);
            next = new PageHandler(ErrorPage.deploymentFailed(message, folder, compilation.broken()));
            next.setServer(server);
            startQuietly(next);
        }
        stopQuietly(apps.swap(next));
        routes = next instanceof ServletContextHandler context ? listing(context) : List.of();
        LOG.info("{} {} in {} ms (compiling {} ms)", generation == 1 ? "Deployed" : "Reloaded", folder.root(),
                (System.nanoTime() - started) / 1_000_000, (compiled - started) / 1_000_000);
    }

    private Handler deploy(Compilation compilation) throws Exception {
        SourceRoutes sourceRoutes = new SourceRoutes(Settings.fromProcess(null)
                .get(SourceRoutes.PACKAGE_SETTING, SourceRoutes.DEFAULT_PACKAGE));
        Map<String, byte[]> files = new HashMap<>(MemoryClassLoader.classFiles(compilation.classes()));
        if (!compilation.ok()) {
            MemoryClassLoader compiled = new MemoryClassLoader(files, folder.root(), parent);
            CompileErrorRoutes.StandIns standIns = CompileErrorRoutes.standIns(compilation,
                    DevApp.servedShapes(compiled, sourceRoutes), sourceRoutes, folder);
            files.putAll(MemoryClassLoader.classFiles(compiler.compileGenerated(standIns.sources())));
            files.putAll(standIns.pages());
            standIns.routes().forEach((route, file) ->
                    LOG.warn("{} shows the compile errors of {}", route, folder.relative(file)));
        }
        ServletContextHandler context = DevApp.create(folder, new MemoryClassLoader(files, folder.root(), parent),
                "fetchlet-dev-" + generation);
        context.setServer(server);
        try {
            context.start();
        } catch (Exception e) {
            stopQuietly(context);
            throw e;
        }
        if (!context.isAvailable()) {
            stopQuietly(context);
            throw new IllegalStateException("the web app is unavailable; the log above says why");
        }
        return context;
    }

    private void report(Compilation compilation) {
        if (compilation.ok()) {
            return;
        }
        LOG.error("{} source(s) do not compile and are left out; the other routes keep serving:",
                compilation.broken().size());
        compilation.broken().values().forEach(problems -> problems.forEach(p -> logLines(p.format(folder))));
    }

    /**
     * One log event per line: the launcher's log layout escapes line breaks in a message (so that a request
     * value cannot forge a line), and javac's source line and caret read best on lines of their own.
     */
    private static void logLines(String text) {
        text.lines().forEach(line -> LOG.error("{}", line));
    }

    @SuppressWarnings("unchecked")
    private static List<String> listing(ServletContextHandler context) {
        Object listing = context.getServletContext().getAttribute(FetchletInitializer.ROUTE_LISTING_ATTRIBUTE);
        return listing instanceof List<?> lines ? List.copyOf((List<String>) lines) : List.of();
    }

    /** The deployment's own message ("Fetchlet deployment failed: ...") rather than the container's wrapping. */
    private static String deploymentMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
                if (message.startsWith("Fetchlet deployment failed")) {
                    break;
                }
            }
        }
        return message == null ? e.toString() : message;
    }

    private static void startQuietly(Handler handler) {
        try {
            handler.start();
        } catch (Exception e) {
            LOG.warn("Starting {}: {}", handler, e.toString());
        }
    }

    private static void stopQuietly(Handler handler) {
        if (handler == null) {
            return;
        }
        try {
            handler.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the previous app: {}", e.toString());
        }
    }

    /** Collects the settings of a {@link DevServer}; each setter returns this builder. */
    public static final class Builder {
        private Path folder;
        private String host = "localhost";
        private int port = 8080;
        private final List<String> allowedHosts = new ArrayList<>();
        private List<Path> classpath = List.of();

        private Builder() {
        }

        /**
         * Jars and class folders the sources compile against and run with, after the launcher's own classes (a
         * project's libraries, say); default none. They are loaded once, not reloaded on a change.
         */
        public Builder classpath(List<Path> classpath) {
            this.classpath = List.copyOf(classpath);
            return this;
        }

        /** The folder of sources to serve: {@code functions/...} handlers, {@code public/}, {@code .env}. */
        public Builder folder(Path folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /**
         * The interface to bind; default {@code localhost}, since development mode shows errors in detail.
         * {@code 0.0.0.0} or {@code null} binds all interfaces.
         */
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

        /**
         * Host names answered besides the loopback ones, such as {@code myapp.test} for a name in
         * {@code /etc/hosts} or the machine's address when bound to all interfaces. A name starting with a dot
         * ({@code .example.test}) allows that domain and its subdomains; {@code *} allows any host, which lets
         * web pages read the server through DNS rebinding.
         */
        public Builder allowedHosts(List<String> hosts) {
            hosts.forEach(host -> {
                if (host == null || host.isBlank()) {
                    throw new IllegalArgumentException("An allowed host must not be empty");
                }
            });
            allowedHosts.addAll(hosts);
            return this;
        }

        /**
         * Creates the server, not yet started.
         *
         * @throws IllegalStateException if no folder was given
         * @throws IllegalArgumentException if the folder does not exist
         */
        public DevServer build() {
            if (folder == null) {
                throw new IllegalStateException("Choose the folder to serve: folder(path)");
            }
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("Not a folder: " + folder);
            }
            return new DevServer(this);
        }
    }
}
