package dev.fetchlet.launcher.dev;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A dev server on a temporary folder, for the tests: files are written and deleted on disk as an editor would,
 * and requests go over HTTP to 127.0.0.1.
 */
final class DevFolder implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final Path root;
    private DevServer server;

    DevFolder(Path root) {
        this.root = root;
    }

    /** A handler source in the file-routed layout: {@code body} is the expression {@code onRequest} returns. */
    static String handler(String pkg, String className, String body) {
        return "package " + pkg + ";\n\n"
                + "import dev.fetchlet.*;\n\n"
                + "class " + className + " implements Handler {\n"
                + "    @Override\n"
                + "    public Response onRequest(Context ctx) {\n"
                + "        return " + body + ";\n"
                + "    }\n"
                + "}\n";
    }

    DevFolder write(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DevFolder delete(String path) {
        try {
            Files.delete(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DevServer start() {
        return start(java.util.List.of());
    }

    /** Starts the server answering these hosts besides the loopback names. */
    DevServer start(java.util.List<String> allowedHosts) {
        server = DevServer.builder().folder(root).host("127.0.0.1").port(0).allowedHosts(allowedHosts).build();
        server.start();
        return server;
    }

    /** Starts the dev server with {@code classpath} as the project's libraries. */
    DevServer startWithLibraries(java.util.List<Path> classpath) {
        server = DevServer.builder().folder(root).host("127.0.0.1").port(0).classpath(classpath).build();
        server.start();
        return server;
    }

    int port() {
        return server.port();
    }

    HttpResponse<String> get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code path} until its response satisfies {@code expected}, failing after {@code deadline}. */
    HttpResponse<String> await(String path, Predicate<HttpResponse<String>> expected, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        HttpResponse<String> last;
        do {
            last = get(path);
            if (expected.test(last)) {
                return last;
            }
            sleep();
        } while (System.nanoTime() < end);
        return fail("Within " + deadline.toMillis() + " ms, " + path + " never answered as expected; last: "
                + last.statusCode() + " " + last.body());
    }

    HttpResponse<String> awaitBody(String path, String body, Duration deadline) {
        return await(path, r -> r.statusCode() == 200 && r.body().equals(body), deadline);
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
