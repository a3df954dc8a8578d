package dev.fetchlet.it.security;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketOptions;
import dev.fetchlet.WebSocketSession;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.TestLogging;
import dev.fetchlet.servlet.FetchletInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Two WebSocket routes in a web app of their own, with settings given as context parameters, on embedded Jetty or
 * Tomcat: what the shared example WAR cannot show, a deployment-wide {@code FUNC_WS_ALLOWED_ORIGINS}.
 * {@code /listed} sends {@code opened} on open; {@code /listed-and-route} does too, and its options allow
 * {@code https://route.fetchlet.test} besides the deployment's list.
 */
final class AllowListApp implements AutoCloseable {
    private final AutoCloseable server;
    private final int port;

    private AllowListApp(AutoCloseable server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A listener that says when it opened. */
    static WebSocketListener opener() {
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocketSession session) {
                session.sendText("opened");
            }
        };
    }

    @Route("/listed")
    public static class Listed implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.webSocket(opener());
        }
    }

    @Route("/listed-and-route")
    public static class ListedAndRoute implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.webSocket(opener(), WebSocketOptions.defaults().allowedOrigins("https://route.fetchlet.test"));
        }
    }

    static AllowListApp start(ContainerKind kind, Map<String, String> settings) throws Exception {
        TestLogging.quietContainers();
        Set<Class<?>> classes = Set.of(Listed.class, ListedAndRoute.class);
        return switch (kind) {
            case JETTY -> jetty(settings, classes);
            case TOMCAT -> tomcat(settings, classes);
            default -> throw new IllegalArgumentException("embedded containers only, not " + kind);
        };
    }

    private static AllowListApp jetty(Map<String, String> settings, Set<Class<?>> classes) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        settings.forEach(context::setInitParameter);
        // Fetchlet asks the web app's class loader whether Jakarta WebSocket is there; a bare context has none.
        context.setClassLoader(AllowListApp.class.getClassLoader());
        JakartaWebSocketServletContainerInitializer.configure(context, null);
        context.addServletContainerInitializer(new FetchletInitializer(), classes.toArray(Class<?>[]::new));
        server.setHandler(context);
        server.start();
        return new AllowListApp(server::stop, connector.getLocalPort());
    }

    private static AllowListApp tomcat(Map<String, String> settings, Set<Class<?>> classes) throws Exception {
        Path base = Files.createTempDirectory("fetchlet-allow-list-");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        org.apache.catalina.Context context = tomcat.addContext("", Files.createDirectories(base.resolve("docs")).toString());
        settings.forEach(context::addParameter);
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer(new FetchletInitializer(), classes);
        // Tomcat runs filters only in front of a servlet.
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            tomcat.stop();
            throw new IllegalStateException("the app failed to deploy on Tomcat; see the log");
        }
        return new AllowListApp(() -> {
            tomcat.stop();
            tomcat.destroy();
        }, connector.getLocalPort());
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
