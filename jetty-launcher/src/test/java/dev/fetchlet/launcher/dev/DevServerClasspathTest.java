package dev.fetchlet.launcher.dev;

import static dev.fetchlet.launcher.dev.DevFolder.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's own libraries, given to the dev server as its class path (what {@code mvn fetchlet:dev} passes):
 * handler sources compile against them and run with them, across reloads.
 */
class DevServerClasspathTest {
    @TempDir
    Path dir;

    private DevFolder app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aHandlerUsesALibraryFromTheClasspathAndKeepsItAcrossAReload() throws Exception {
        Path library = libraryJar(dir.resolve("lib"));
        app = new DevFolder(dir.resolve("app"))
                .write("functions/api/shout.java", handler("functions.api", "Shout",
                        "Response.text(example.lib.Shouting.shout(\"hello\"))"));
        app.startWithLibraries(List.of(library));
        assertEquals("HELLO!", app.get("/api/shout").body());

        app.write("functions/api/shout.java", handler("functions.api", "Shout",
                "Response.text(example.lib.Shouting.shout(\"again\"))"));
        app.awaitBody("/api/shout", "AGAIN!", Duration.ofSeconds(20));
    }

    @Test
    void withoutTheLibraryTheSourceDoesNotCompileAndItsRouteSaysSo() {
        app = new DevFolder(dir.resolve("app"))
                .write("functions/api/shout.java", handler("functions.api", "Shout",
                        "Response.text(example.lib.Shouting.shout(\"hello\"))"));
        app.start();
        var r = app.get("/api/shout");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("example.lib"), r.body());
    }

    /** A jar with one class, {@code example.lib.Shouting}, compiled here. */
    private static Path libraryJar(Path folder) throws Exception {
        Path source = folder.resolve("src/example/lib/Shouting.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package example.lib;\n"
                + "public final class Shouting {\n"
                + "    public static String shout(String s) { return s.toUpperCase() + \"!\"; }\n"
                + "}\n");
        Path classes = Files.createDirectories(folder.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), source.toString()));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        Path jar = folder.resolve("shouting.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("example/lib/Shouting.class"));
            Files.copy(classes.resolve("example/lib/Shouting.class"), (OutputStream) out);
            out.closeEntry();
        }
        return jar;
    }
}
