package dev.fetchlet.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The WAR on WildFly 38 with its default {@code standalone.xml}, deployed as its documentation tells users to:
 * copied into {@code standalone/deployments/} as {@code ROOT.war}, which the deployment scanner serves at
 * {@code /}. The distribution stays untouched; a work folder is the server's base directory
 * ({@code jboss.server.base.dir}: configuration, deployments, data, logs, tmp), the stock configuration copied
 * into it. Started through {@code bin/standalone.sh} (run by {@code sh}: an unpacked archive need not keep the
 * execute bit), which picks the JVM options for the running Java.
 *
 * <p>Every listener WildFly opens is on 127.0.0.1 ({@code -b}, {@code -bmanagement}) on a port free now: HTTP,
 * HTTPS (the stock configuration has an HTTPS listener with a self-signed certificate) and management.
 */
final class WildFlyDeployment {

    /** System property: the unpacked distribution, {@code wildfly-38.0.x.Final}. */
    static final String HOME_PROPERTY = "fetchlet.appserver.wildfly";

    private WildFlyDeployment() {
    }

    static Deployment start(Path war) throws IOException, InterruptedException {
        Path home = AppServerFiles.distribution(HOME_PROPERTY);
        Path base = AppServerFiles.freshWorkFolder(ContainerKind.WILDFLY);
        copyStockConfiguration(home.resolve("standalone/configuration"),
            Files.createDirectories(base.resolve("configuration")));
        Files.copy(war, Files.createDirectories(base.resolve("deployments")).resolve("ROOT.war"));
        int port = ServerProcess.freePort();

        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/standalone.sh").toString(),
            "-Djboss.server.base.dir=" + base,
            "-b", "127.0.0.1",
            "-bmanagement", "127.0.0.1",
            "-Djboss.http.port=" + port,
            "-Djboss.https.port=" + ServerProcess.freePort(),
            "-Djboss.ajp.port=" + ServerProcess.freePort(),
            "-Djboss.management.http.port=" + ServerProcess.freePort(),
            "-Djboss.management.https.port=" + ServerProcess.freePort()));
        // The script hands -D arguments to the server as system properties, where Fetchlet reads its settings.
        command.addAll(ServerProcess.fetchletSettings());
        ProcessBuilder process = new ProcessBuilder(command).directory(base.toFile());
        process.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // WFLYSRV0021: the deployment was rolled back; WFLYSRV0026: the server started with errors;
        // WFLYCTL0013: a boot operation failed.
        return ServerProcess.start(ContainerKind.WILDFLY, port, process, base,
            List.of("WFLYSRV0021", "WFLYSRV0026", "WFLYCTL0013"));
    }

    private static void copyStockConfiguration(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }
}
