package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetchlet.Request;
import dev.fetchlet.function.HttpFunction;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Http;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import dev.fetchlet.it.harness.OwnWarDeployment;
import dev.fetchlet.servlet.FetchletInitializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
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
 * A function without {@code @Route} in a WAR is found by the container's own {@code @HandlesTypes} scan, though
 * the servlet host names only the API's {@code Deployable} there: the user's class implements
 * {@code HttpFunction}, which extends {@code FetchletFunction}, which extends {@code Deployable}, each in another
 * jar of {@code WEB-INF/lib}. Jetty (through the launcher) and Tomcat must both follow that chain.
 */
@OnEachEmbeddedContainer
class FunctionFoundByTypeTest {
    private final ContainerKind kind;

    @TempDir
    Path dir;

    FunctionFoundByTypeTest(ContainerKind kind) {
        this.kind = kind;
    }

    @Test
    void aFunctionWithoutRouteIsFoundThroughTheMarkerAndServedAtTheRoot() throws Exception {
        Path war = dir.resolve("app");
        Path lib = Files.createDirectories(war.resolve("WEB-INF/lib"));
        copyModule(Request.class, lib.resolve("fetchlet-api.jar"));
        copyModule(FetchletInitializer.class, lib.resolve("fetchlet-servlet.jar"));
        copyModule(HttpFunction.class, lib.resolve("fetchlet-functions.jar"));
        compile(war.resolve("WEB-INF/classes"), "shop/Greeter.java", """
                package shop;

                import dev.fetchlet.function.*;

                public class Greeter implements HttpFunction {
                    @Override
                    public Object handle(FunctionContext ctx, Body body) {
                        return "Hello from a function found by its type";
                    }
                }
                """);

        try (OwnWarDeployment app = OwnWarDeployment.start(kind, war)) {
            HttpResponse<String> r = Http.to(app).get("/");
            assertEquals(200, r.statusCode());
            assertEquals("Hello from a function found by its type", r.body());
        }
    }

    private void compile(Path classes, String path, String source) throws IOException {
        Path file = dir.resolve("src").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Files.createDirectories(classes);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, List.of("-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "-proc:none", file.toString())
                .toArray(String[]::new));
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
    }

    /** The module holding {@code type}, as a jar: the build's jar, or a jar of its classes folder. */
    private static void copyModule(Class<?> type, Path jar) throws IOException, URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
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
