package dev.fetchlet.it.observe;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.TestLogging;
import dev.fetchlet.observe.Observability;
import dev.fetchlet.servlet.FetchletInitializer;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A web app of the tracing, access log and {@code waitUntil} fixtures, deployed by {@link FetchletInitializer}
 * into embedded Jetty or Tomcat (with each one's WebSocket support) with the settings (context parameters) and the {@link OpenTelemetry} of the
 * test's choosing, which it hands the deployment the documented way: the servlet context attribute
 * {@link Observability#OPEN_TELEMETRY_ATTRIBUTE}.
 */
final class ObservedApp implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final AutoCloseable stop;
    private final int port;

    private ObservedApp(AutoCloseable stop, int port) {
        this.stop = stop;
        this.port = port;
    }

    static ObservedApp start(ContainerKind kind, Map<String, String> settings, OpenTelemetry otel, Class<?>... classes)
            throws Exception {
        TestLogging.quietContainers();
        return switch (kind) {
            case JETTY -> jetty(settings, otel, classes);
            case TOMCAT -> tomcat(settings, otel, classes);
            default -> throw new IllegalArgumentException("embedded containers only, not " + kind);
        };
    }

    private static ObservedApp jetty(Map<String, String> settings, OpenTelemetry otel, Class<?>... classes)
            throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        // A web app's own loader, as a deployed WAR has: Fetchlet asks it whether the WebSocket API is there.
        context.setClassLoader(ObservedApp.class.getClassLoader());
        settings.forEach(context::setInitParameter);
        JakartaWebSocketServletContainerInitializer.configure(context, null);
        context.addServletContainerInitializer(new FetchletInitializer(), classes);
        server.setHandler(context);
        server.start();
        if (otel != null) {
            context.getServletContext().setAttribute(Observability.OPEN_TELEMETRY_ATTRIBUTE, otel);
        }
        return new ObservedApp(server::stop, connector.getLocalPort());
    }

    private static ObservedApp tomcat(Map<String, String> settings, OpenTelemetry otel, Class<?>... classes)
            throws Exception {
        Path base = Files.createTempDirectory("fetchlet-observed-tomcat-");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", Files.createDirectories(base.resolve("docs")).toString());
        settings.forEach(context::addParameter);
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer(new FetchletInitializer(), Set.of(classes));
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        tomcat.start();
        if (otel != null) {
            context.getServletContext().setAttribute(Observability.OPEN_TELEMETRY_ATTRIBUTE, otel);
        }
        return new ObservedApp(() -> {
            tomcat.stop();
            tomcat.destroy();
        }, connector.getLocalPort());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one series in {@code /metrics}, or -1 when it is not there. */
    double metric(String series) throws Exception {
        for (String line : get("/metrics").body().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return -1;
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
