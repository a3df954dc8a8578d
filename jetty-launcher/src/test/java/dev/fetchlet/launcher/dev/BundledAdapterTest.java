package dev.fetchlet.launcher.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.launcher.FetchletServer;
import dev.fetchlet.servlet.FetchletInitializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher carries the adapter for the dev command; a WAR it runs must still use the adapter copy in its
 * own {@code WEB-INF/lib}, and route its file-named handlers like any container.
 */
class BundledAdapterTest {

    @TempDir
    Path dir;

    @Test
    void aWarRunsOnItsOwnAdapterCopyAndRoutesFromFileNames() throws Exception {
        Path war = dir.resolve("app");
        Path lib = Files.createDirectories(war.resolve("WEB-INF/lib"));
        copyAdapterInto(lib, "");
        compile(dir.resolve("src"), war.resolve("WEB-INF/classes"), "functions/api/whose.java", """
                package functions.api;

                import dev.fetchlet.*;

                class Whose implements Handler {
                    @Override
                    public Response onRequest(Context ctx) {
                        boolean own = Handler.class.getClassLoader() == Whose.class.getClassLoader();
                        return Response.text(own ? "the app's own adapter" : "the launcher's adapter");
                    }
                }
                """);

        try (FetchletServer server = FetchletServer.builder().app(war).host("127.0.0.1").port(0).build()) {
            server.start();
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/whose")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("the app's own adapter", r.body());
            assertTrue(server.routes().stream()
                    .anyMatch(line -> line.contains("/api/whose") && line.contains("functions.api.Whose")),
                    server.routes().toString());
        }
    }

    /** The adapter the tests run on (the API and the servlet host), as jars in {@code lib}. */
    private static void copyAdapterInto(Path lib, String version) throws IOException {
        copyModuleInto(dev.fetchlet.Handler.class, lib.resolve("fetchlet-api" + version + ".jar"));
        copyModuleInto(FetchletInitializer.class, lib.resolve("fetchlet-servlet" + version + ".jar"));
    }

    /** The module holding {@code type}, as a jar: the build's jar, or a jar of its classes folder. */
    private static void copyModuleInto(Class<?> type, Path jar) throws IOException {
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isRegularFile(location)) {
            Files.copy(location, jar);
            return;
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out);
             Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.putNextEntry(new JarEntry(location.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, entries);
                entries.closeEntry();
            }
        }
    }

    private static void compile(Path sources, Path classes, String path, String source) throws IOException {
        Path file = sources.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Files.createDirectories(classes);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, List.of("-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "-proc:none", file.toString()).toArray(String[]::new));
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
    }
}
