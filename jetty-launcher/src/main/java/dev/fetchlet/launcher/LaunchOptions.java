package dev.fetchlet.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher's settings from its command line and environment.
 *
 * <p>Port, highest first: {@code --port}, {@code FUNC_PORT}, {@code PORT} (Knative's container contract), 8080.
 * Grace period: {@code --grace-seconds}, {@code FUNC_GRACE_PERIOD} (seconds), 30 seconds.
 * Header timeout: {@code --header-timeout-seconds}, {@code FUNC_HEADER_TIMEOUT} (seconds), 10 seconds.
 * Platform threads: {@code --max-threads}, {@code FUNC_MAX_THREADS}, 200 (see {@link ThreadPools}).
 * Which threads run requests: {@code --threads}, {@code FUNC_THREADS}, {@code auto} (see {@link ThreadMode}).
 * Jars the handler scan skips: {@code --scan-skip-jars}, {@code FUNC_SCAN_SKIP_JARS}, {@code default}
 * (see {@link JarScanFilter}). {@code --train[=paths]} makes the run a training run for a class-data archive
 * or AOT cache (see {@link TrainingRun}): it binds a free port unless {@code --port} names one (ignoring
 * {@code FUNC_PORT} and {@code PORT}), on 127.0.0.1 unless {@code --host} names another interface.
 *
 * @param app the WAR file or exploded web app folder
 * @param host the interface to bind, or {@code null} for all
 * @param port the port, 0 for any free one
 * @param gracePeriod how long in-flight requests may finish after a stop signal
 * @param headerTimeout how long a client may take to send a request line and headers
 * @param maxThreads the most platform threads the server's pool runs
 * @param threads which threads run requests
 * @param scanFilter the {@code WEB-INF/lib} jars not scanned for handler classes
 * @param trainPaths for a training run, the paths to request besides the health checks; {@code null} otherwise
 * @param accessLog whether each request is logged as a JSON line: {@code --access-log json|off}, else
 *     {@code FUNC_ACCESS_LOG}, else off
 */
record LaunchOptions(Path app, String host, int port, Duration gracePeriod, Duration headerTimeout, int maxThreads,
                     ThreadMode threads, JarScanFilter scanFilter, List<String> trainPaths,
                     boolean accessLog) {

    static final int DEFAULT_PORT = 8080;
    static final int DEFAULT_GRACE_SECONDS = 30;
    static final int DEFAULT_HEADER_TIMEOUT_SECONDS = 10;

    static final String USAGE = String.join(System.lineSeparator(),
        "Usage: java -jar fetchlet-launcher.jar [--port N] [--host H] [--grace-seconds S] <war file or web app folder>",
        "  --port N           port to listen on, 0 for any free port; else $FUNC_PORT, else $PORT, else 8080",
        "  --host H           interface to bind, such as 127.0.0.1; default all interfaces",
        "  --grace-seconds S  time in-flight requests get to finish on SIGTERM; else $FUNC_GRACE_PERIOD, else 30",
        "  --header-timeout-seconds S  time a client gets to send its request line and headers, else the",
        "                     connection is closed; else $FUNC_HEADER_TIMEOUT, else 10",
        "  --max-threads N    most platform threads for requests, at least " + ThreadPools.MIN_THREADS
            + "; else $FUNC_MAX_THREADS, else " + ThreadPools.DEFAULT_MAX_THREADS,
        "  --threads M        auto: platform threads, virtual ones (JDK 21+) once all are busy; platform; or",
        "                     virtual: every request on a virtual thread (JDK 21+); else $FUNC_THREADS, else auto",
        "  --scan-skip-jars L WEB-INF/lib jars not scanned for handlers: comma-separated file name globs, 'default'",
        "                     (Jackson, CloudEvents, Prometheus, SLF4J, Logback, Jersey, Javalin, Jetty, Kotlin, ...)",
        "                     or 'none'; else $FUNC_SCAN_SKIP_JARS, else default",
        "  --access-log F     'json': one JSON line per request on the logger dev.fetchlet.access; 'off';",
        "                     else $FUNC_ACCESS_LOG, else off",
        "  --train[=P1,P2]    training run for -XX:AOTCacheOutput (JDK 25) or -XX:ArchiveClassesAtExit: start,",
        "                     GET the health checks, /metrics and the given paths 20 times, stop and exit");

    /**
     * Reads the arguments ({@code --name value} or {@code --name=value}) and falls back to the environment.
     *
     * @throws UsageException naming the first problem found
     */
    static LaunchOptions parse(String[] args, Map<String, String> env) {
        String portFlag = null;
        String host = null;
        String graceFlag = null;
        String headerTimeoutFlag = null;
        String maxThreadsFlag = null;
        String threadsFlag = null;
        String scanFlag = null;
        String accessLogFlag = null;
        List<String> trainPaths = null;
        String app = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (app != null) {
                    throw new UsageException("Only one app may be given, found '" + app + "' and '" + arg + "'");
                }
                app = arg;
                continue;
            }
            if (arg.equals("--train") || arg.startsWith("--train=")) {
                trainPaths = trainPaths(arg);
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
                case "--scan-skip-jars" -> scanFlag = value;
                case "--access-log" -> accessLogFlag = value;
                default -> throw new UsageException("Unknown option " + name);
            }
        }
        if (app == null) {
            throw new UsageException("Missing the war file or web app folder to serve");
        }
        Path appPath = Path.of(app);
        if (!Files.exists(appPath)) {
            throw new UsageException("App not found: " + app);
        }
        boolean training = trainPaths != null;
        // A training run (often a container image build step) must not take the port the real server will use.
        int port = training && portFlag == null ? 0 : resolvePort(portFlag, env);
        if (training && host == null) {
            host = "127.0.0.1";
        }
        Duration grace = Duration.ofSeconds(
            resolveWholeNumber(graceFlag, "--grace-seconds", env, "FUNC_GRACE_PERIOD", DEFAULT_GRACE_SECONDS, 0));
        Duration headerTimeout = Duration.ofSeconds(resolveWholeNumber(headerTimeoutFlag, "--header-timeout-seconds",
            env, "FUNC_HEADER_TIMEOUT", DEFAULT_HEADER_TIMEOUT_SECONDS, 1));
        int maxThreads = (int) resolveWholeNumber(maxThreadsFlag, "--max-threads", env, "FUNC_MAX_THREADS",
            ThreadPools.DEFAULT_MAX_THREADS, ThreadPools.MIN_THREADS);
        return new LaunchOptions(appPath, host, port, grace, headerTimeout, maxThreads,
            resolveThreadMode(threadsFlag, env), resolveScanFilter(scanFlag, env), trainPaths,
            resolveAccessLog(accessLogFlag, env));
    }

    /** The flag, else {@code FUNC_ACCESS_LOG}, else off: {@code json} turns the access log on. */
    static boolean resolveAccessLog(String flag, Map<String, String> env) {
        String source = flag != null ? "--access-log" : "FUNC_ACCESS_LOG";
        String value = flag != null ? flag : env.get(source);
        if (value == null || value.isBlank()) {
            return false;
        }
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "json":
                return true;
            case "off":
            case "false":
            case "none":
                return false;
            default:
                throw new UsageException(source + " must be json or off: '" + value + "'");
        }
    }

    /** {@code --threads}, else {@code FUNC_THREADS}, else {@link ThreadMode#AUTO}. */
    static ThreadMode resolveThreadMode(String flag, Map<String, String> env) {
        String text = flag != null ? flag : env.get("FUNC_THREADS");
        return text == null || text.isBlank() ? ThreadMode.AUTO : ThreadMode.parse(text);
    }

    /** Whether this is a training run: start, exercise, stop. */
    boolean training() {
        return trainPaths != null;
    }

    private static List<String> trainPaths(String arg) {
        List<String> paths = new ArrayList<>();
        int equals = arg.indexOf('=');
        if (equals < 0) {
            return paths;
        }
        for (String part : arg.substring(equals + 1).split(",")) {
            String path = part.trim();
            if (path.isEmpty()) {
                continue;
            }
            if (!path.startsWith("/")) {
                throw new UsageException("--train paths start with '/': '" + path + "'");
            }
            paths.add(path);
        }
        return List.copyOf(paths);
    }

    /** The flag, else {@code FUNC_SCAN_SKIP_JARS}, else {@link JarScanFilter#DEFAULT}. */
    static JarScanFilter resolveScanFilter(String scanFlag, Map<String, String> env) {
        String source = scanFlag != null ? "--scan-skip-jars" : "FUNC_SCAN_SKIP_JARS";
        String value = scanFlag != null ? scanFlag : env.get(source);
        if (value == null) {
            return JarScanFilter.DEFAULT;
        }
        try {
            return JarScanFilter.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(source + ": " + e.getMessage());
        }
    }

    /** The first of flag, {@code FUNC_PORT}, {@code PORT} that is set, else 8080. */
    static int resolvePort(String portFlag, Map<String, String> env) {
        if (portFlag != null) {
            return parsePort(portFlag, "--port");
        }
        for (String variable : new String[] {"FUNC_PORT", "PORT"}) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return parsePort(value.trim(), variable);
            }
        }
        return DEFAULT_PORT;
    }

    /** The flag, else the environment variable, else the default; a whole number no less than {@code min}. */
    static long resolveWholeNumber(String flag, String flagName, Map<String, String> env, String variable,
                                           long fallback, long min) {
        String source = flag != null ? flagName : variable;
        String value = flag != null ? flag : env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= Integer.MAX_VALUE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + " must be a whole number, " + min + " or more: '" + value + "'");
    }

    private static int parsePort(String value, String source) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(source + " must be a port number within 0..65535: '" + value + "'");
    }
}
