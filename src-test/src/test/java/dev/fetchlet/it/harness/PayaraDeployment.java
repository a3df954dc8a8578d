package dev.fetchlet.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The WAR on Payara Micro (one executable jar) at context root {@code /}, as a user would run it:
 * {@code java -jar payara-micro.jar --deploy app.war --contextroot / --port N}. Clustering (Hazelcast, which
 * would listen on every interface) is off, and a pre-boot command binds the HTTP listener to 127.0.0.1.
 */
final class PayaraDeployment {

    /** System property: the {@code payara-micro} jar. */
    static final String JAR_PROPERTY = "fetchlet.appserver.payara";

    private PayaraDeployment() {
    }

    static Deployment start(Path war) throws IOException, InterruptedException {
        Path jar = AppServerFiles.distribution(JAR_PROPERTY);
        Path work = AppServerFiles.freshWorkFolder(ContainerKind.PAYARA);
        Path root = Files.createDirectories(work.resolve("root"));
        Path unpacked = Files.createDirectories(work.resolve("runtime"));
        Path preBoot = Files.writeString(work.resolve("pre-boot.asadmin"),
            "set configs.config.server-config.network-config.network-listeners.network-listener"
                + ".http-listener.address=127.0.0.1\n");
        int port = ServerProcess.freePort();

        List<String> command = new ArrayList<>();
        command.add(ServerProcess.java());
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")));
        command.addAll(ServerProcess.fetchletSettings());
        command.addAll(List.of("-jar", jar.toString(),
            "--deploy", war.toString(),
            "--contextroot", "/",
            "--port", Integer.toString(port),
            "--nohazelcast",
            "--disablephonehome",
            "--rootdir", root.toString(),
            "--unpackdir", unpacked.toString(),
            "--prebootcommandfile", preBoot.toString()));
        return ServerProcess.start(ContainerKind.PAYARA, port, new ProcessBuilder(command).directory(work.toFile()),
            work, List.of("Exception while loading the app", "Exception during lifecycle processing"));
    }
}
