package dev.fetchlet.it.harness;

import java.nio.file.Path;

/**
 * A WAR other than the example on one of the embedded containers, started for one test class and closed by it:
 * for a WAR whose point is what it does not carry (say, one built on {@code fetchlet-servlet} alone).
 *
 * <pre>{@code
 * try (OwnWarDeployment app = OwnWarDeployment.start(ContainerKind.TOMCAT, war)) {
 *     Http.to(app).get("/hello");
 * }
 * }</pre>
 */
public final class OwnWarDeployment implements Deployment, AutoCloseable {
    private final Deployment running;
    private final AutoCloseable stop;

    private OwnWarDeployment(Deployment running, AutoCloseable stop) {
        this.running = running;
        this.stop = stop;
    }

    /** Deploys {@code war} as the root app of a new embedded Jetty (through the launcher) or Tomcat. */
    public static OwnWarDeployment start(ContainerKind kind, Path war) throws Exception {
        return switch (kind) {
            case JETTY -> {
                JettyDeployment d = JettyDeployment.start(war);
                yield new OwnWarDeployment(d, d);
            }
            case TOMCAT -> {
                TomcatDeployment d = TomcatDeployment.start(war);
                yield new OwnWarDeployment(d, d);
            }
            default -> throw new IllegalArgumentException(kind + " is not an embedded container");
        };
    }

    @Override
    public ContainerKind kind() {
        return running.kind();
    }

    @Override
    public int port() {
        return running.port();
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
