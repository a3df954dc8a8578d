package dev.fetchlet.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The WAR on Open Liberty at context root {@code /}, with the features it needs, {@code servlet-6.0} and
 * {@code websocket-2.1}; {@code -Dfetchlet.appserver.liberty.features=webProfile-10.0} loads the whole Jakarta
 * EE 10 Web Profile instead (several minutes slower to start, and its own JAX-RS then also scans the WAR). The
 * server's own folders (config, logs, expanded app) live in a work folder; the unpacked runtime is only read.
 */
final class LibertyDeployment {

    /** System property: the unpacked runtime's {@code wlp} folder. */
    static final String HOME_PROPERTY = "fetchlet.appserver.liberty";

    /** System property: the features to enable, comma-separated. */
    static final String FEATURES_PROPERTY = "fetchlet.appserver.liberty.features";

    private static final String SERVER_NAME = "fetchlet";
    private static final String DEFAULT_FEATURES = "servlet-6.0,websocket-2.1";

    private LibertyDeployment() {
    }

    static Deployment start(Path war) throws IOException, InterruptedException {
        Path wlp = AppServerFiles.distribution(HOME_PROPERTY);
        Path work = AppServerFiles.freshWorkFolder(ContainerKind.LIBERTY);
        Path server = Files.createDirectories(work.resolve("usr/servers/" + SERVER_NAME));
        int port = ServerProcess.freePort();

        Files.writeString(server.resolve("server.xml"), serverXml(war, port));
        // One option a line: Liberty reads jvm.options itself, so no quoting through its start script.
        Files.write(server.resolve("jvm.options"), ServerProcess.fetchletSettings());

        // Through sh: an unpacked archive need not keep the script's execute bit. The script execs the JVM.
        ProcessBuilder command = new ProcessBuilder("sh", wlp.resolve("bin/server").toString(), "run", SERVER_NAME)
            .directory(work.toFile());
        command.environment().put("WLP_USER_DIR", work.resolve("usr").toString());
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // CWWKZ0002E/0004E: the application failed to start; CWWKE0005E: the runtime itself did not.
        return ServerProcess.start(ContainerKind.LIBERTY, port, command, work,
            List.of("CWWKZ0002E", "CWWKZ0004E", "CWWKE0005E"));
    }

    /**
     * HTTPS off, HTTP on 127.0.0.1 only; no drop-ins folder or config polling to wake up the idle server; no
     * forwarding headers trusted by the server itself.
     */
    private static String serverXml(Path war, int port) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <server description="Fetchlet conformance WAR">
              <featureManager>
            %s
              </featureManager>
              <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="-1"/>
              <webApplication id="fetchlet-example" location="%s" contextRoot="/"/>
              <applicationMonitor updateTrigger="disabled" dropinsEnabled="false"/>
              <config updateTrigger="disabled"/>
              <!-- Liberty applies X-Forwarded-Proto/-Host and its private $WS* headers from any peer by default;
                   Fetchlet's FUNC_TRUSTED_PROXIES is to decide which peers may set them. -->
              <httpDispatcher trustedHeaderOrigin="none" trustedSensitiveHeaderOrigin="none"/>
            </server>
            """.formatted(features(), port, xmlAttribute(war.toString()));
    }

    private static String features() {
        StringBuilder features = new StringBuilder();
        for (String feature : System.getProperty(FEATURES_PROPERTY, DEFAULT_FEATURES).split(",")) {
            if (!feature.isBlank()) {
                features.append("    <feature>").append(feature.trim()).append("</feature>\n");
            }
        }
        return features.toString().stripTrailing();
    }

    private static String xmlAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
