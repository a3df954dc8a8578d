package dev.fetchlet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetchlet.routing.CompiledSources;
import dev.fetchlet.routing.SourceRoutes;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan: handlers without {@code @Route} take their source file's route; what cannot fails the deployment. */
class FileRoutedScanTest {
    private static final List<RouteBinder> KINDS = List.of(new HandlerBinder());

    @TempDir
    Path dir;

    private static String handler(String pkg, String annotation, String name) {
        return "package " + pkg + ";\nimport dev.fetchlet.*;\n" + annotation + "\nclass " + name
                + " implements Handler {\n public Response onRequest(Context ctx) { return Response.text(\"x\"); }\n}\n";
    }

    private static Set<Class<?>> load(ClassLoader loader, String... names) throws ClassNotFoundException {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String name : names) {
            classes.add(loader.loadClass(name));
        }
        return classes;
    }

    private static Map<String, String> routes(List<HandlerScanner.Declaration> found) {
        Map<String, String> byClass = new TreeMap<>();
        found.forEach(d -> byClass.put(d.type().getName(), d.pattern()));
        return byClass;
    }

    @Test
    void fileRoutesAndRouteAnnotationsSideBySideTheAnnotationWinning() throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("functions/api/users/[id].java", handler("functions.api.users", "", "User"))
                .file("functions/api/orgs/members.java",
                        handler("functions.api.orgs", "@Route(\"/api/orgs/[org]/members\")", "Members"))
                .file("com/example/Legacy.java", handler("com.example", "@Route(\"/legacy\")", "Legacy"))
                .file("functions/Helper.java", "package functions; class Helper {}")
                .compile();
        Set<Class<?>> classes = load(loader, "functions.api.users.User", "functions.api.orgs.Members",
                "com.example.Legacy", "functions.Helper");
        assertEquals(Map.of(
                        "functions.api.users.User", "/api/users/[id]",
                        "functions.api.orgs.Members", "/api/orgs/[org]/members",
                        "com.example.Legacy", "/legacy"),
                routes(HandlerScanner.scan(classes, KINDS)));
    }

    @Test
    void everyHandlerWhoseRouteCannotBeDerivedIsNamedWithItsReason() throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("com/example/Orphan.java", handler("com.example", "", "Orphan"))
                .file("functions/api/hello.java", """
                        package functions.api;
                        import dev.fetchlet.*;
                        class Hello implements Handler {
                            static class Inner implements Handler {}
                        }
                        """)
                .compile();
        Set<Class<?>> classes = load(loader, "com.example.Orphan", "functions.api.Hello", "functions.api.Hello$Inner");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HandlerScanner.scan(classes, KINDS));
        assertEquals("com.example.Orphan has no @Route, and its route cannot come from its source file: its package"
                + " 'com.example' is not under the functions package 'functions' (FUNC_FUNCTIONS_PACKAGE)."
                + " Give it @Route(\"/path\"); functions.api.Hello$Inner has no @Route, and its route cannot come from"
                + " its source file: it is nested in functions.api.Hello, and only a top-level class takes its route"
                + " from its file name. Give it @Route(\"/path\")", e.getMessage());
    }

    @Test
    void anotherRootPackage() throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("com/example/fn/index.java", handler("com.example.fn", "", "Home"))
                .compile();
        assertEquals(Map.of("com.example.fn.Home", "/"),
                routes(HandlerScanner.scan(load(loader, "com.example.fn.Home"), KINDS, new SourceRoutes("com.example.fn"))));
    }
}
