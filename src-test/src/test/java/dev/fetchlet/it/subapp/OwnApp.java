package dev.fetchlet.it.subapp;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.TestLogging;
import dev.fetchlet.servlet.FetchletInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A web app made of a few test classes, deployed by {@link FetchletInitializer} into embedded Jetty or Tomcat at a
 * context path of the test's choosing, and stopped by the test: what the shared example WAR cannot show (a
 * context path other than the root, a mount's destroy at stop, deployments that must fail).
 */
final class OwnApp implements AutoCloseable {
    private final Runnable stop;
    private final int port;
    private final boolean deployed;

    private OwnApp(Runnable stop, int port, boolean deployed) {
        this.stop = stop;
        this.port = port;
        this.deployed = deployed;
    }

    static OwnApp start(ContainerKind kind, String contextPath, Class<?>... classes) throws Exception {
        return start(kind, contextPath, Map.of(), classes);
    }

    /** The same with web app context parameters, the way a {@code web.xml} sets Fetchlet's settings. */
    static OwnApp start(ContainerKind kind, String contextPath, Map<String, String> contextParams,
                        Class<?>... classes) throws Exception {
        TestLogging.quietContainers();
        return switch (kind) {
            case JETTY -> jetty(contextPath, contextParams, classes);
            case TOMCAT -> tomcat(contextPath, contextParams, classes);
            default -> throw new IllegalArgumentException("OwnApp runs on the embedded containers only, not " + kind);
        };
    }

    private static OwnApp jetty(String contextPath, Map<String, String> contextParams, Class<?>... classes)
            throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(contextPath);
        contextParams.forEach(context::setInitParameter);
        context.addServletContainerInitializer(new FetchletInitializer(), classes);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            // A failed deployment: the test reads why from Fetchlet's log.
        }
        boolean deployed = context.isStarted() && context.isAvailable();
        return new OwnApp(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, connector.getLocalPort(), deployed);
    }

    private static OwnApp tomcat(String contextPath, Map<String, String> contextParams, Class<?>... classes)
            throws Exception {
        Path base = Files.createTempDirectory("fetchlet-own-tomcat-");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext(contextPath, Files.createDirectories(base.resolve("docs")).toString());
        contextParams.forEach(context::addParameter);
        context.addServletContainerInitializer(new FetchletInitializer(), Set.of(classes));
        // Tomcat runs filters only in front of a servlet: the default servlet is what an unrouted path reaches.
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        tomcat.start();
        boolean deployed = context.getState() == LifecycleState.STARTED;
        return new OwnApp(() -> {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, connector.getLocalPort(), deployed);
    }

    int port() {
        return port;
    }

    /** Whether the web app started: false when Fetchlet failed the deployment. */
    boolean deployed() {
        return deployed;
    }

    @Override
    public void close() {
        stop.run();
    }
}
