package dev.fetchlet.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The WAR on a standalone Apache Tomcat 10.1 (Servlet 6.0), deployed as the README tells users to: copied into
 * {@code webapps/} as {@code ROOT.war}. The distribution stays untouched ({@code CATALINA_HOME}); a work folder
 * is the instance ({@code CATALINA_BASE}) with the stock configuration, except a {@code server.xml} that binds
 * one HTTP connector to 127.0.0.1 and turns the shutdown port off. Started as {@code catalina.sh run} would
 * start it, without the script, so no shell quoting stands between the suite and the JVM options.
 */
final class Tomcat10Deployment {

    /** System property: the unpacked distribution, {@code apache-tomcat-10.1.x}. */
    static final String HOME_PROPERTY = "fetchlet.appserver.tomcat10";

    private Tomcat10Deployment() {
    }

    static Deployment start(Path war) throws IOException, InterruptedException {
        Path home = AppServerFiles.distribution(HOME_PROPERTY);
        Path base = AppServerFiles.freshWorkFolder(ContainerKind.TOMCAT_10);
        copyStockConfiguration(home.resolve("conf"), Files.createDirectories(base.resolve("conf")));
        for (String folder : List.of("logs", "temp", "work", "webapps")) {
            Files.createDirectories(base.resolve(folder));
        }
        Files.copy(war, base.resolve("webapps/ROOT.war"));
        int port = ServerProcess.freePort();
        Files.writeString(base.resolve("conf/server.xml"), serverXml(port));

        List<String> command = new ArrayList<>();
        command.add(ServerProcess.java());
        // What catalina.sh adds on Java 9 and later, so Tomcat's leak prevention can reach JDK internals.
        for (String open : List.of("java.base/java.lang", "java.base/java.lang.reflect", "java.base/java.io",
            "java.base/java.util", "java.base/java.util.concurrent", "java.rmi/sun.rmi.transport")) {
            command.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        command.addAll(List.of(
            "-Dcatalina.home=" + home,
            "-Dcatalina.base=" + base,
            "-Djava.io.tmpdir=" + base.resolve("temp"),
            "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
            "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
            "-Djava.protocol.handler.pkgs=org.apache.catalina.webresources"));
        command.addAll(ServerProcess.fetchletSettings());
        command.addAll(List.of(
            "-classpath", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator
                + home.resolve("bin/tomcat-juli.jar"),
            "org.apache.catalina.startup.Bootstrap", "start"));
        return ServerProcess.start(ContainerKind.TOMCAT_10, port, new ProcessBuilder(command).directory(base.toFile()),
            base, List.of("startup failed due to previous errors", "One or more listeners failed to start"));
    }

    private static void copyStockConfiguration(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /**
     * The stock server.xml less the AJP and shutdown ports, the HTTP connector on 127.0.0.1, and the error report
     * valve Tomcat's security guide asks for in production: no stack trace or version in its own error pages.
     */
    private static String serverXml(int port) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <Server port="-1" shutdown="SHUTDOWN">
              <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>
              <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
              <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
              <Service name="Catalina">
                <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1" connectionTimeout="20000"/>
                <Engine name="Catalina" defaultHost="localhost">
                  <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false">
                    <Valve className="org.apache.catalina.valves.ErrorReportValve" showReport="false"
                           showServerInfo="false"/>
                  </Host>
                </Engine>
              </Service>
            </Server>
            """.formatted(port);
    }
}
