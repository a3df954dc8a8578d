package dev.fetchlet.launcher;

import dev.fetchlet.launcher.dev.DevServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code dev} subcommand: serves a folder of handler sources with {@link DevServer}, compiling them on
 * every change.
 *
 * <pre>
 * java -jar fetchlet-launcher.jar dev [--port N] [--host H] [--classpath JARS] my-app
 * </pre>
 *
 * <p>Port as for a WAR: {@code --port}, {@code FUNC_PORT}, {@code PORT}, 8080. The host defaults to
 * {@code localhost}: development mode shows error details. Requests for a {@code Host} other than a loopback name
 * get 403 (DNS rebinding); {@code --allowed-host NAME}, repeatable, and {@code FUNC_DEV_ALLOWED_HOSTS}
 * (comma-separated) add names, {@code *} turns the check off. Exit status: 0 when stopped, 1 if the server cannot
 * start (port in use, no JDK), 2 for invalid arguments.
 */
final class DevCommand {

    static final String USAGE = String.join(System.lineSeparator(),
        "Usage: java -jar fetchlet-launcher.jar dev [--port N] [--host H] [--classpath JARS] <folder>",
        "  Compiles and serves the Java handler sources in <folder> (functions/api/hello.java serves /api/hello),",
        "  static files from <folder>/public and ctx.env() values from <folder>/.env; recompiles on every change.",
        "  Needs a JDK.",
        "  --port N   port to listen on, 0 for any free port; else $FUNC_PORT, else $PORT, else 8080",
        "  --host H   interface to bind; default localhost (0.0.0.0 for all interfaces)",
        "  --allowed-host NAME  a Host name answered besides localhost, *.localhost, 127.0.0.1 and [::1];",
        "             repeatable; '.example.test' allows a domain and its subdomains, '*' any host (unsafe);",
        "             also $FUNC_DEV_ALLOWED_HOSTS, comma-separated",
        "  --classpath JARS  libraries the sources use, separated by '" + File.pathSeparator + "' (a Maven project's",
        "             dependencies: mvn fetchlet:dev passes them)");

    static final String ALLOWED_HOSTS_VARIABLE = "FUNC_DEV_ALLOWED_HOSTS";

    private DevCommand() {
    }

    static void main(String[] args) throws InterruptedException {
        Logger log = LoggerFactory.getLogger(DevCommand.class);
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        LaunchOptions options;
        List<String> allowedHosts = new ArrayList<>();
        List<Path> classpath = new ArrayList<>();
        try {
            options = LaunchOptions.parse(
                    withoutClasspath(takeAllowedHosts(args, System.getenv(), allowedHosts), classpath), System.getenv());
            if (!Files.isDirectory(options.app())) {
                throw new UsageException("Not a folder: " + options.app());
            }
            if (options.training()) {
                throw new UsageException("--train trains for a WAR or web app folder, not for the dev command");
            }
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        DevServer server = DevServer.builder()
            .folder(options.app())
            .host(options.host() == null ? "localhost" : options.host())
            .port(options.port())
            .allowedHosts(allowedHosts)
            .classpath(classpath)
            .build();
        try {
            server.start();
        } catch (LaunchException e) {
            log.error("{}", e.getMessage(), e.getCause());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fetchlet-dev-stop"));
        printBanner(server);
        server.join();
    }

    /**
     * Moves the {@code --allowed-host} values ({@code --allowed-host NAME} or {@code --allowed-host=NAME}) and those
     * of {@link #ALLOWED_HOSTS_VARIABLE} into {@code allowedHosts}; returns the other arguments.
     */
    static String[] takeAllowedHosts(String[] args, Map<String, String> env, List<String> allowedHosts) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.startsWith("--allowed-host=")) {
                value = arg.substring("--allowed-host=".length());
            } else if (arg.equals("--allowed-host")) {
                if (i + 1 >= args.length) {
                    throw new UsageException("Missing value for --allowed-host");
                }
                value = args[++i];
            } else {
                rest.add(arg);
                continue;
            }
            if (value.isBlank()) {
                throw new UsageException("--allowed-host needs a host name, or '*'");
            }
            allowedHosts.add(value.trim());
        }
        String variable = env.get(ALLOWED_HOSTS_VARIABLE);
        if (variable != null) {
            for (String name : variable.split(",")) {
                if (!name.isBlank()) {
                    allowedHosts.add(name.trim());
                }
            }
        }
        return rest.toArray(String[]::new);
    }

    /** The arguments without {@code --classpath}, whose entries go to {@code classpath}. */
    static String[] withoutClasspath(String[] args, List<Path> classpath) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = null;
            if (args[i].equals("--classpath")) {
                if (i + 1 == args.length) {
                    throw new UsageException("Missing value for --classpath");
                }
                value = args[++i];
            } else if (args[i].startsWith("--classpath=")) {
                value = args[i].substring("--classpath=".length());
            } else {
                rest.add(args[i]);
                continue;
            }
            for (String entry : value.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    classpath.add(Path.of(entry));
                }
            }
        }
        return rest.toArray(String[]::new);
    }

    private static void printBanner(DevServer server) {
        System.out.println("Fetchlet dev server on " + server.uri());
        System.out.println("  sources  " + server.folder() + "  (watching for changes)");
        System.out.println("  static   " + server.folder().resolve("public"));
        System.out.println("  env      " + server.folder().resolve(".env"));
        List<String> routes = server.routes();
        if (!routes.isEmpty()) {
            System.out.println("Routes:");
            routes.forEach(route -> System.out.println("  " + route));
        }
        System.out.flush();
    }
}
