package dev.fetchlet.it.db;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.TestLogging;
import dev.fetchlet.it.harness.Wars;
import dev.fetchlet.launcher.FetchletServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The example WAR on embedded Jetty through the launcher, deployed with database settings of the test's
 * choosing. The settings are system properties only while the app deploys (the app reads them then), so other
 * deployments of this JVM never see them.
 */
final class DbApps {
    private DbApps() {
    }

    /** A running app, closed by the test. */
    static final class JettyApp implements Deployment, AutoCloseable {
        private final FetchletServer server;

        private JettyApp(FetchletServer server) {
            this.server = server;
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

    static synchronized JettyApp onJetty(Map<String, String> settings) {
        TestLogging.quietContainers();
        Map<String, String> previous = new HashMap<>();
        settings.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            FetchletServer server = FetchletServer.builder()
                    .app(Wars.example())
                    .host("127.0.0.1")
                    .port(0)
                    .gracePeriod(Duration.ofSeconds(3))
                    .build();
            server.start();
            return new JettyApp(server);
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
