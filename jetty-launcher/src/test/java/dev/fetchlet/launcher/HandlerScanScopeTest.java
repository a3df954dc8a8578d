package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fetchlet.servlet.FetchletInitializer;

/**
 * The start-up scan skips well-known libraries in {@code WEB-INF/lib} and still finds every handler the app's
 * own code holds: in {@code WEB-INF/classes}, in the app's own jars, and through a base class in another of
 * them. Runs a Fetchlet WAR, with its own adapter copy, on the launcher's embedded Jetty.
 */
class HandlerScanScopeTest {

    @TempDir
    Path dir;

    private Path war;

    @BeforeEach
    void buildWar() throws IOException {
        war = dir.resolve("app");
        Path lib = Files.createDirectories(war.resolve("WEB-INF/lib"));
        copyAdapterInto(lib, "-0.1.0");
        compile("classes", war.resolve("WEB-INF/classes"), Map.of("app/Hello.java", """
            package app;
            import dev.fetchlet.*;
            @Route("/hello")
            public class Hello implements Handler {
                public Response onRequest(Context ctx) { return Response.text("hello from WEB-INF/classes"); }
            }
            """));
        jar("base", lib.resolve("acme-handler-base-1.0.jar"), Map.of("acme/base/TextHandler.java", """
            package acme.base;
            import dev.fetchlet.*;
            public abstract class TextHandler implements Handler {
                protected abstract String text();
                public Response onRequest(Context ctx) { return Response.text(text()); }
            }
            """));
        jar("orders", lib.resolve("orders-handlers-1.0.jar"), Map.of(
            "orders/Orders.java", """
                package orders;
                import dev.fetchlet.*;
                @Route("/orders")
                public class Orders implements Handler {
                    public Response onRequest(Context ctx) { return Response.text("orders from the app's own jar"); }
                }
                """,
            "orders/Status.java", """
                package orders;
                @dev.fetchlet.Route("/status")
                public class Status extends acme.base.TextHandler {
                    protected String text() { return "status through a base class in another jar"; }
                }
                """));
        // Named like a well-known library: skipped by default, yet on the class path like any jar.
        jar("library", lib.resolve("jackson-extras-9.9.jar"), Map.of("extras/Stray.java", """
            package extras;
            import dev.fetchlet.*;
            @Route("/stray")
            public class Stray implements Handler {
                public Response onRequest(Context ctx) { return Response.text("stray"); }
                public static String loaded() { return "library classes load"; }
            }
            """));
        compile("uses-library", war.resolve("WEB-INF/classes"), Map.of("app/UsesLibrary.java", """
            package app;
            import dev.fetchlet.*;
            @Route("/uses-library")
            public class UsesLibrary implements Handler {
                public Response onRequest(Context ctx) { return Response.text(extras.Stray.loaded()); }
            }
            """));
    }

    @Test
    void findsHandlersInTheAppsOwnJarsAndSkipsWellKnownLibraries() throws Exception {
        try (FetchletServer server = start(JarScanFilter.DEFAULT)) {
            assertBody(server, "/hello", "hello from WEB-INF/classes");
            assertBody(server, "/orders", "orders from the app's own jar");
            assertBody(server, "/status", "status through a base class in another jar");
            assertBody(server, "/uses-library", "library classes load");
            assertEquals(404, Http.get(server.uri().resolve("/stray")).statusCode(), "a skipped jar is not scanned");
            assertFalse(server.routes().toString().contains("/stray"), server.routes().toString());
        }
    }

    @Test
    void noneScansEveryJar() throws Exception {
        try (FetchletServer server = start(JarScanFilter.NONE)) {
            assertBody(server, "/stray", "stray");
            assertBody(server, "/orders", "orders from the app's own jar");
        }
    }

    @Test
    void aUserGlobSkipsTheAppsOwnJarToo() throws Exception {
        try (FetchletServer server = start(JarScanFilter.parse("default,orders-*.jar"))) {
            assertEquals(404, Http.get(server.uri().resolve("/orders")).statusCode());
            assertBody(server, "/hello", "hello from WEB-INF/classes");
            assertTrue(server.routes().stream().noneMatch(route -> route.contains("/orders")), server.routes().toString());
        }
    }

    private FetchletServer start(JarScanFilter filter) {
        FetchletServer server = FetchletServer.builder().app(war).host("127.0.0.1").port(0).scanFilter(filter).build();
        server.start();
        return server;
    }

    private static void assertBody(FetchletServer server, String path, String body) throws Exception {
        var response = Http.get(server.uri().resolve(path));
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        assertEquals(body, response.body());
    }

    /** Compiles the sources into a jar, against the test class path and the jars already in WEB-INF/lib. */
    private void jar(String name, Path jar, Map<String, String> sources) throws IOException {
        Path classes = dir.resolve("build/" + name);
        compile(name, classes, sources);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, entries);
                entries.closeEntry();
            }
        }
    }

    private void compile(String name, Path classes, Map<String, String> sources) throws IOException {
        Files.createDirectories(classes);
        StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path"));
        try (Stream<Path> jars = Files.list(war.resolve("WEB-INF/lib"))) {
            jars.forEach(jar -> classpath.append(java.io.File.pathSeparator).append(jar));
        }
        classpath.append(java.io.File.pathSeparator).append(war.resolve("WEB-INF/classes"));
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-classpath",
            classpath.toString(), "-proc:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = dir.resolve("src/" + name).resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            args.add(file.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(String[]::new));
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
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
        } catch (URISyntaxException e) {
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
}
