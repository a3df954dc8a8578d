package dev.fetchlet.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.fetchlet.launcher.testapp.HelloServlet;
import dev.fetchlet.launcher.testapp.MountInitializer;
import jakarta.servlet.ServletContainerInitializer;

/**
 * Builds small web apps in a folder, shaped like a Fetchlet WAR: a library jar in {@code WEB-INF/lib} carrying
 * an initializer (declared as a service) and the {@code @Mount}ed servlets it discovers, plus a static page.
 */
final class TestApps {

    static final String INDEX_HTML = "<!doctype html><title>test app</title><p>static index</p>";
    static final String TESTAPP_PACKAGE = "dev/fetchlet/launcher/testapp/";
    static final List<String> MOUNT_ROUTES = List.of(
        "/hello -> HelloServlet",
        "/slow -> SlowServlet",
        "/thread -> ThreadServlet",
        "/throws -> ThrowingServlet",
        "/websocket-container -> WebSocketServlet");

    private TestApps() {
    }

    /** A launcher serving {@code app} on a free port of 127.0.0.1, started; it stops without a grace period. */
    static FetchletServer startOnLoopback(Path app, int maxHeaderFields) throws Exception {
        FetchletServer server = FetchletServer.builder().app(app).host("127.0.0.1").port(0)
            .gracePeriod(Duration.ZERO).maxHeaderFields(maxHeaderFields).build();
        server.start();
        return server;
    }

    /** An exploded app whose servlets are found by {@link MountInitializer} through {@code @HandlesTypes}. */
    static Path initializerApp(Path folder) throws IOException {
        return initializerApp(folder, MountInitializer.class);
    }

    /** An exploded app with the given initializer and the test app's servlets in {@code WEB-INF/lib}. */
    static Path initializerApp(Path folder, Class<? extends ServletContainerInitializer> initializer)
        throws IOException {
        writeIndex(folder);
        Path lib = Files.createDirectories(folder.resolve("WEB-INF/lib"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lib.resolve("testapp.jar")))) {
            Path classes = testClassesFolder();
            try (Stream<Path> files = Files.walk(classes.resolve(TESTAPP_PACKAGE))) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, jar);
                    jar.closeEntry();
                }
            }
            jar.putNextEntry(new JarEntry("META-INF/services/" + ServletContainerInitializer.class.getName()));
            jar.write((initializer.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return folder;
    }

    /** An exploded app declaring {@link HelloServlet} in {@code web.xml}, its class loaded from the container. */
    static Path webXmlApp(Path folder) throws IOException {
        writeIndex(folder);
        Path webInf = Files.createDirectories(folder.resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <servlet>
                <servlet-name>hello</servlet-name>
                <servlet-class>%s</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>hello</servlet-name>
                <url-pattern>/hello</url-pattern>
              </servlet-mapping>
            </web-app>
            """.formatted(HelloServlet.class.getName()));
        return folder;
    }

    /** Packs an exploded app folder into a {@code .war} file. */
    static Path war(Path folder, Path warFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(warFile);
             ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return warFile;
    }

    static void writeIndex(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("index.html"), INDEX_HTML);
    }

    /** The folder holding the compiled test classes. */
    static Path testClassesFolder() {
        try {
            return Path.of(MountInitializer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
