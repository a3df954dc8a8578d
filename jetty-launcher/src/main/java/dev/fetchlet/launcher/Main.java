package dev.fetchlet.launcher;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command line entry point: serves one WAR file or exploded web app folder until SIGTERM or SIGINT.
 *
 * <pre>
 * java -jar fetchlet-launcher.jar --port 8080 target/my-app.war
 * </pre>
 *
 * <p>Exit status: 0 after a graceful stop, 1 if the app fails to start, 2 for invalid arguments. See
 * {@link LaunchOptions} for the settings and their environment variables.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        LauncherLogging.configure();
        if (args.length > 0 && args[0].equals("dev")) {
            DevCommand.main(Arrays.copyOfRange(args, 1, args.length)); // serve a folder of sources, reloading
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(LaunchOptions.USAGE);
            System.out.println("       java -jar fetchlet-launcher.jar dev [--port N] [--host H] <folder of sources>"
                + "   (dev --help says more)");
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, System.getenv());
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }

        FetchletServer server = FetchletServer.builder()
            .app(options.app())
            .host(options.host())
            .port(options.port())
            .gracePeriod(options.gracePeriod())
            .headerTimeout(options.headerTimeout())
            .maxThreads(options.maxThreads())
            .threads(options.threads())
            .scanFilter(options.scanFilter())
            .accessLog(options.accessLog())
            .build();
        try {
            server.start();
        } catch (LaunchException e) {
            log.error("{}", e.getMessage(), e.getCause());
            System.exit(1);
            return;
        }
        if (options.training()) {
            printBanner(server, System.out);
            int failures = TrainingRun.exercise(server.uri(), options.trainPaths(), System.out);
            server.stop();
            // Exits here: the JVM writes its class-data archive or AOT cache on the way out.
            System.exit(failures == 0 ? 0 : 1);
            return;
        }
        GracefulExit.install(server);
        printBanner(server, System.out);
        server.join();
    }

    /** The URL first, on a line of its own, so scripts can find the port that was bound. */
    static void printBanner(FetchletServer server, PrintStream out) {
        out.println("Fetchlet listening on " + server.uri());
        List<String> routes = server.routes();
        if (!routes.isEmpty()) {
            out.println("Routes:");
            routes.forEach(route -> out.println("  " + route));
        }
        out.flush();
    }
}
