package dev.fetchlet.it.cloudevents;

import dev.fetchlet.it.function.fixtures.EchoCloudEventFunction;
import dev.fetchlet.launcher.testing.TestServer;
import dev.fetchlet.servlet.FetchletInitializer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

/** The echo function on embedded Jetty (the test kit's server) and on embedded Tomcat 11. */
final class EchoServers implements AutoCloseable {
    private final TestServer jetty;
    private final Tomcat tomcat;
    private final Path tomcatBase;

    private EchoServers(TestServer jetty, Tomcat tomcat, Path tomcatBase) {
        this.jetty = jetty;
        this.tomcat = tomcat;
        this.tomcatBase = tomcatBase;
    }

    static EchoServers start() throws Exception {
        TestServer jetty = TestServer.start(Map.of(), EchoCloudEventFunction.class);
        Path base = Files.createTempDirectory("fetchlet-ce-tomcat-");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setHostname("127.0.0.1");
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        // Fetchlet's filter serves the function; Tomcat maps a request to a servlet before filters run.
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        context.addServletContainerInitializer(new FetchletInitializer(), Set.of(EchoCloudEventFunction.class));
        tomcat.start();
        return new EchoServers(jetty, tomcat, base);
    }

    URI uri(String server) {
        return switch (server) {
            case "jetty" -> jetty.uri();
            case "tomcat" -> URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/");
            default -> throw new IllegalArgumentException(server);
        };
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        tomcat.stop();
        tomcat.destroy();
        try (var files = Files.walk(tomcatBase)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
