package dev.fetchlet.it.harness;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The conformance WAR (the example app with the suite's fixtures, {@link Wars#conformance()}) running in one
 * container on {@code 127.0.0.1}; get one from {@link Deployments#of}.
 *
 * <pre>{@code
 * Deployment tomcat = Deployments.of(ContainerKind.TOMCAT);
 * HttpResponse<String> reply = Http.to(tomcat).get("/api/hello");
 * RawHttp.Reply raw = RawHttp.exchange(tomcat.port(), "GET /api/hello HTTP/1.1\r\nHost: x\r\n\r\n");
 * }</pre>
 */
public interface Deployment {

    ContainerKind kind();

    /** The port the container listens on, chosen by the system. */
    int port();

    /**
     * The console output of a server running in a process of its own (an app server), where the WAR's log lines
     * end up; empty for the embedded containers, which log into the test JVM's own output.
     */
    default Optional<Path> consoleLog() {
        return Optional.empty();
    }

    /** The web app's root, {@code http://127.0.0.1:<port>/}. */
    default URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** An absolute URI for a path (and query) that starts with {@code /}. */
    default URI uri(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + pathAndQuery);
        }
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }
}
