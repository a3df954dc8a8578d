package dev.fetchlet.it.db;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.TestLogging;
import dev.fetchlet.it.harness.Wars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ContextResource;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * The example WAR on embedded Tomcat 11 with JNDI on and a container-managed DataSource at
 * {@code java:comp/env/jdbc/fetchlet}: what a {@code <Resource>} in {@code context.xml} declares. The pool is
 * HikariCP's JNDI factory (embedded Tomcat has no DBCP), loaded from the WAR like a driver would be.
 */
final class JndiTomcatApp implements Deployment, AutoCloseable {
    private static final String[] NAMING_PROPERTIES = {"catalina.useNaming", "java.naming.factory.initial",
        "java.naming.factory.url.pkgs"};

    private final Tomcat tomcat;
    private final Path base;
    private final Map<String, String> previousNaming;

    private JndiTomcatApp(Tomcat tomcat, Path base, Map<String, String> previousNaming) {
        this.tomcat = tomcat;
        this.base = base;
        this.previousNaming = previousNaming;
    }

    static JndiTomcatApp start(Map<String, String> resourceProperties) throws Exception {
        TestLogging.quietContainers();
        Map<String, String> previous = new HashMap<>();
        for (String key : NAMING_PROPERTIES) {
            previous.put(key, System.getProperty(key));
        }
        Path base = Files.createTempDirectory("fetchlet-jndi-");
        Files.createDirectories(base.resolve("webapps"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setHostname("127.0.0.1");
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.enableNaming();

        Context context = tomcat.addWebapp("", Wars.example().toString());
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        context.setContainerSciFilter("^org\\.eclipse\\.jetty\\..*");
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Container jsp = context.findChild("jsp");
                if (jsp != null) {
                    context.removeChild(jsp);
                }
            }
        });
        ContextResource resource = new ContextResource();
        resource.setName("jdbc/fetchlet");
        resource.setAuth("Container");
        resource.setType("javax.sql.DataSource");
        resource.setProperty("factory", "com.zaxxer.hikari.HikariJNDIFactory");
        resourceProperties.forEach(resource::setProperty);
        context.getNamingResources().addResource(resource);

        JndiTomcatApp app = new JndiTomcatApp(tomcat, base, previous);
        try {
            tomcat.start();
            if (context.getState() != LifecycleState.STARTED) {
                throw new IllegalStateException("The example WAR failed to deploy on Tomcat; see the log above");
            }
            return app;
        } catch (Exception e) {
            app.close();
            throw e;
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
    public void close() throws Exception {
        try {
            tomcat.stop();
            tomcat.destroy();
        } finally {
            // enableNaming() set JVM-wide properties; the suite's other servers run without Tomcat's naming.
            previousNaming.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
            deleteRecursively(base);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
