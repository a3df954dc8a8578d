package dev.fetchlet.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a function project locally, like {@code npm run local}: serves the function classes on the classpath,
 * with health checks and metrics, until SIGTERM or SIGINT.
 *
 * <pre>
 * java -cp "target/classes:$(cat cp.txt)" dev.fetchlet.launcher.FunctionMain com.example.Greeter
 * mvn compile exec:exec          # in a project set up like the function example
 * </pre>
 *
 * <p>The function class may be left out when the classpath holds just one; naming it sets {@code FUNC_CLASS}.
 * Port, highest first: {@code --port}, {@code FUNC_PORT}, {@code PORT}, 8080. Exit status: 0 after a graceful
 * stop, 1 if the function fails to start (its {@code init()} threw, for instance), 2 for invalid arguments.
 */
public final class FunctionMain {

    static final String USAGE = String.join(System.lineSeparator(),
        "Usage: FunctionMain [--port N] [--host H] [--grace-seconds S] [function class]",
        "  --port N           port to listen on, 0 for any free port; else $FUNC_PORT, else $PORT, else 8080",
        "  --host H           interface to bind, such as 127.0.0.1; default all interfaces",
        "  --grace-seconds S  time in-flight requests get to finish on SIGTERM; else $FUNC_GRACE_PERIOD, else 30",
        "  --header-timeout-seconds S  time a client gets to send its request line and headers; else",
        "                     $FUNC_HEADER_TIMEOUT, else 10",
        "  --max-threads N    most platform threads; else $FUNC_MAX_THREADS, else 200",
        "  --threads M        auto (platform threads, virtual ones on JDK 21+ once all are busy), platform or",
        "                     virtual; else $FUNC_THREADS, else auto",
        "  function class     the function to serve when the classpath holds several (sets FUNC_CLASS)");

    private FunctionMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LauncherLogging.configure();
        Logger log = LoggerFactory.getLogger(FunctionMain.class);
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.function() != null) {
            // Read by Fetchlet's initializer like any setting; a system property outranks the environment.
            System.setProperty("FUNC_CLASS", options.function());
        }
        FetchletServer server = FetchletServer.builder()
            .classpathApp(emptyStaticFolder())
            .host(options.host())
            .port(options.port())
            .gracePeriod(options.gracePeriod())
            .headerTimeout(options.headerTimeout())
            .maxThreads(options.maxThreads())
            .threads(options.threads())
            .build();
        try {
            server.start();
        } catch (LaunchException e) {
            log.error("{}", e.getMessage(), e.getCause());
            System.exit(1);
            return;
        }
        GracefulExit.install(server);
        Main.printBanner(server, System.out);
        server.join();
    }

    // A function serves no static files, but Jetty's web app context needs a resource base all the same.
    private static Path emptyStaticFolder() {
        try {
            Path folder = Files.createTempDirectory("fetchlet-function-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line of {@link FunctionMain}. */
    record Options(String function, String host, int port, Duration gracePeriod, Duration headerTimeout,
                   int maxThreads, ThreadMode threads) {

        static Options parse(String[] args, Map<String, String> env) {
            String function = null;
            String host = null;
            String portFlag = null;
            String graceFlag = null;
            String headerTimeoutFlag = null;
            String maxThreadsFlag = null;
            String threadsFlag = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    if (function != null) {
                        throw new UsageException("Only one function class may be given, found '" + function
                            + "' and '" + arg + "'");
                    }
                    function = arg;
                    continue;
                }
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("Missing value for " + name);
                }
                switch (name) {
                    case "--port" -> portFlag = value;
                    case "--host" -> host = value.isBlank() ? null : value;
                    case "--grace-seconds" -> graceFlag = value;
                    case "--header-timeout-seconds" -> headerTimeoutFlag = value;
                    case "--max-threads" -> maxThreadsFlag = value;
                    case "--threads" -> threadsFlag = value;
                    default -> throw new UsageException("Unknown option " + name);
                }
            }
            Duration headerTimeout = Duration.ofSeconds(LaunchOptions.resolveWholeNumber(headerTimeoutFlag,
                "--header-timeout-seconds", env, "FUNC_HEADER_TIMEOUT", LaunchOptions.DEFAULT_HEADER_TIMEOUT_SECONDS, 1));
            int maxThreads = (int) LaunchOptions.resolveWholeNumber(maxThreadsFlag, "--max-threads", env,
                "FUNC_MAX_THREADS", ThreadPools.DEFAULT_MAX_THREADS, ThreadPools.MIN_THREADS);
            return new Options(function, host, LaunchOptions.resolvePort(portFlag, env),
                Duration.ofSeconds(graceSeconds(graceFlag, env)), headerTimeout, maxThreads,
                LaunchOptions.resolveThreadMode(threadsFlag, env));
        }

        private static long graceSeconds(String flag, Map<String, String> env) {
            String value = flag != null ? flag : env.get("FUNC_GRACE_PERIOD");
            if (value == null || value.isBlank()) {
                return LaunchOptions.DEFAULT_GRACE_SECONDS;
            }
            try {
                long seconds = Long.parseLong(value.trim());
                if (seconds >= 0) {
                    return seconds;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("The grace period must be a whole number of seconds, 0 or more: '" + value + "'");
        }
    }
}
