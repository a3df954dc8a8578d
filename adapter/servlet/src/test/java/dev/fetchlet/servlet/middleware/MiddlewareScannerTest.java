package dev.fetchlet.servlet.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.routing.CompiledSources;
import dev.fetchlet.routing.SourceRoutes;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which classes are middleware, and of which folder: {@code _middleware.java} files and {@code @MiddlewarePath}. */
class MiddlewareScannerTest {
    @TempDir
    Path dir;

    private static String middleware(String pkg, String annotation, String name) {
        return "package " + pkg + ";\nimport dev.fetchlet.*;\n" + annotation + "\nclass " + name
                + " implements Middleware {\n public Response onRequest(Context c, Next n) throws Exception {"
                + " return n.proceed(); }\n"
                + " static class Nested implements Middleware {\n public Response onRequest(Context c, Next n) {"
                + " return null; } }\n}\n";
    }

    private static Set<Class<?>> load(ClassLoader loader, String... names) throws ClassNotFoundException {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String name : names) {
            classes.add(loader.loadClass(name));
        }
        return classes;
    }

    @Test
    void filesTakeTheirFolderAnnotationsTheirPathOtherMiddlewareIsLeftAlone() throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("functions/_middleware.java", middleware("functions", "", "Root"))
                .file("functions/api/private/_middleware.java", middleware("functions.api.private_", "", "Guard"))
                .file("com/example/Audit.java", middleware("com.example", "@MiddlewarePath(value = \"/admin/\", order = 5)", "Audit"))
                .file("functions/api/Helper.java", middleware("functions.api", "", "Helper"))
                .compile();
        Set<Class<?>> classes = load(loader, "functions.Root", "functions.Root$Nested", "functions.api.private_.Guard",
                "com.example.Audit", "functions.api.Helper", "functions.api.Helper$Nested");
        List<String> found = MiddlewareScanner.scan(classes, new SourceRoutes("functions")).stream()
                .map(d -> d.type().getName() + " " + d.folder() + " " + d.kind() + " " + d.order()).toList();
        assertEquals(List.of("com.example.Audit /admin ANNOTATED 5", "functions.Root / FILE 0",
                "functions.api.private_.Guard /api/private FILE 0"), found);
    }

    @Test
    void anAnnotatedClassThatIsNoMiddlewareFailsTheDeployment() throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("com/example/Wrong.java", "package com.example;\n@dev.fetchlet.MiddlewarePath(\"/x\")\nclass Wrong {}\n")
                .file("com/example/BadPath.java", middleware("com.example", "@MiddlewarePath(\"/x/[id]\")", "BadPath"))
                .compile();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MiddlewareScanner.scan(
                load(loader, "com.example.Wrong", "com.example.BadPath"), new SourceRoutes("functions")));
        assertTrue(e.getMessage().contains("com.example.Wrong has @MiddlewarePath but does not implement"),
                e.getMessage());
        assertTrue(e.getMessage().contains("com.example.BadPath: A middleware folder is static segments"),
                e.getMessage());
    }
}
