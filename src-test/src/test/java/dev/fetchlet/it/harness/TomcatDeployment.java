package dev.fetchlet.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * The WAR on embedded Tomcat 11 as the root web app, with a base folder of its own in a temp directory.
 * Initializers are found as in a standalone Tomcat: the WAR's own jars are scanned, and container initializers
 * such as WebSocket's {@code WsSci} come from the classpath through {@code ServiceLoader}.
 */
final class TomcatDeployment implements Deployment, AutoCloseable {

    private final Tomcat tomcat;
    private final Path baseFolder;

    private TomcatDeployment(Tomcat tomcat, Path baseFolder) {
        this.tomcat = tomcat;
        this.baseFolder = baseFolder;
    }

    static TomcatDeployment start(Path war) throws IOException, LifecycleException {
        Path base = Files.createTempDirectory("fetchlet-tomcat-");
        Files.createDirectories(base.resolve("webapps"));

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setHostname("127.0.0.1");
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        hideErrorDetails(tomcat);

        Context context = tomcat.addWebapp("", war.toString());
        // The test JVM's classpath is not a container's lib folder: scanning it would only find the suite's
        // own dependencies. WEB-INF/lib is still scanned.
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        // Jetty shares the classpath (the suite also runs the launcher); its WebSocket initializer fails here.
        context.setContainerSciFilter("^org\\.eclipse\\.jetty\\..*");
        context.addLifecycleListener(TomcatDeployment::dropJspServlet);

        TomcatDeployment deployment = new TomcatDeployment(tomcat, base);
        try {
            tomcat.start();
            // Tomcat logs a failed deployment and carries on; the suite must not.
            if (context.getState() != LifecycleState.STARTED) {
                throw new IllegalStateException("The WAR failed to deploy on Tomcat; see the log above");
            }
            return deployment;
        } catch (LifecycleException | RuntimeException e) {
            deployment.close();
            throw e;
        }
    }

    /**
     * Configures the host as a production Tomcat should be (and as the README advises): the error pages Tomcat
     * writes itself, for requests it refuses before any web app runs, show neither a stack trace nor the server
     * version. Tomcat's default report includes the parser's stack trace.
     */
    private static void hideErrorDetails(Tomcat tomcat) {
        ErrorReportValve valve = new ErrorReportValve();
        valve.setShowReport(false);
        valve.setShowServerInfo(false);
        tomcat.getHost().getPipeline().addValve(valve);
    }

    /**
     * Tomcat's embedded defaults add a JSP servlet, whose engine (Jasper) is not on the classpath and whose
     * failing start would be logged as SEVERE; Fetchlet apps use no JSP. Runs after the defaults are added.
     */
    private static void dropJspServlet(LifecycleEvent event) {
        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            Context context = (Context) event.getLifecycle();
            Container jsp = context.findChild("jsp");
            if (jsp != null) {
                context.removeChild(jsp);
            }
            context.removeServletMapping("*.jsp");
            context.removeServletMapping("*.jspx");
        }
    }

    @Override
    public ContainerKind kind() {
        return ContainerKind.TOMCAT;
    }

    @Override
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() throws LifecycleException, IOException {
        tomcat.stop();
        tomcat.destroy();
        deleteRecursively(baseFolder);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
