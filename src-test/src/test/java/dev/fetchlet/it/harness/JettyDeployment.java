package dev.fetchlet.it.harness;

import java.nio.file.Path;
import java.time.Duration;

import dev.fetchlet.launcher.FetchletServer;

/** The WAR on embedded Jetty through the Fetchlet launcher, so the suite covers the launcher as well. */
final class JettyDeployment implements Deployment, AutoCloseable {

    private final FetchletServer server;

    private JettyDeployment(FetchletServer server) {
        this.server = server;
    }

    static JettyDeployment start(Path war) {
        FetchletServer server = FetchletServer.builder()
            .app(war)
            .host("127.0.0.1")
            .port(0)
            .gracePeriod(Duration.ofSeconds(2))
            .build();
        server.start();
        return new JettyDeployment(server);
    }

    @Override
    public ContainerKind kind() {
        return ContainerKind.JETTY;
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
