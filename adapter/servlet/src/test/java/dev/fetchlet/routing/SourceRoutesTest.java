package dev.fetchlet.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Routes from source file names, from real files compiled by javac: every row of the seed's routing table, the
 * rules around it, and each reason a route cannot be derived.
 */
class SourceRoutesTest {
    private static final SourceRoutes ROUTES = new SourceRoutes("functions");

    @TempDir
    static Path seedDir;

    private static ClassLoader seedTree;

    /** The seed's example tree, one handler per file, with the class names a Java developer would pick. */
    @BeforeAll
    static void compileSeedTree() {
        seedTree = new CompiledSources(seedDir)
                .file("functions/index.java", handler("functions", "Index"))
                .file("functions/hello-pages.java", handler("functions", "HelloPages"))
                .file("functions/helloworld.java", handler("functions", "HelloWorld"))
                .file("functions/api/users/list.java", handler("functions.api.users", "UsersList"))
                .file("functions/api/users/geo.java", handler("functions.api.users", "UsersGeo"))
                .file("functions/api/users/[id].java", handler("functions.api.users", "User"))
                .file("functions/api/visit/index.java", handler("functions.api.visit", "Visit"))
                .file("functions/api/[[default]].java", handler("functions.api", "ApiDefault"))
                .compile();
    }

    private static String handler(String pkg, String name) {
        return "package " + pkg + ";\n"
                + "import dev.fetchlet.*;\n"
                + "class " + name + " implements Handler {\n"
                + "    @Override public Response onRequest(Context ctx) { return Response.text(\"" + name + "\"); }\n"
                + "}\n";
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        "functions/index.java,            functions.Index,                /",
        "functions/hello-pages.java,      functions.HelloPages,           /hello-pages",
        "functions/helloworld.java,       functions.HelloWorld,           /helloworld",
        "functions/api/users/list.java,   functions.api.users.UsersList,  /api/users/list",
        "functions/api/users/geo.java,    functions.api.users.UsersGeo,   /api/users/geo",
        "functions/api/users/[id].java,   functions.api.users.User,       /api/users/[id]",
        "functions/api/visit/index.java,  functions.api.visit.Visit,      /api/visit",
        "functions/api/[[default]].java,  functions.api.ApiDefault,       /api/[[default]]",
    })
    void seedRoutingTable(String file, String className, String route) throws Exception {
        Class<?> type = seedTree.loadClass(className);
        String fileName = file.substring(file.lastIndexOf('/') + 1);
        assertEquals(fileName, ClassFileSourceName.of(type), "javac records the file name as written");
        assertEquals(route, ROUTES.routeOf(type));
    }

    /** The derived routes, put in one table, serve the seed's example URLs like the @Route patterns do. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "/,                    functions.Index",
        "/hello-pages/,        functions.HelloPages",
        "/helloworld,          functions.HelloWorld",
        "/HelloWorld,          none",
        "/api/users/list,      functions.api.users.UsersList",
        "/api/users/geo,       functions.api.users.UsersGeo",
        "/api/users/1024,      functions.api.users.User",
        "/api/visit,           functions.api.visit.Visit",
        "/api/books/list,      functions.api.ApiDefault",
        "/api/users/vip/1024,  functions.api.ApiDefault",
        "/v2/vip/1024,         none",
    })
    void derivedRoutesServeTheSeedUrls(String path, String expected) throws Exception {
        RouteTable.Builder<String> builder = RouteTable.builder();
        for (String name : List.of("functions.Index", "functions.HelloPages", "functions.HelloWorld",
                "functions.api.users.UsersList", "functions.api.users.UsersGeo", "functions.api.users.User",
                "functions.api.visit.Visit", "functions.api.ApiDefault")) {
            builder.add(ROUTES.routeOf(seedTree.loadClass(name)), name, name);
        }
        RouteMatch<String> match = builder.build().match(path);
        assertEquals(expected, match == null ? null : match.target());
    }

    @Test
    void aClassNamedLikeItsFileWorksToo(@TempDir Path dir) throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("functions/api/Hello.java", "package functions.api; public class Hello {}")
                .compile();
        assertEquals("/api/Hello", ROUTES.routeOf(loader.loadClass("functions.api.Hello")), "case is kept");
    }

    @Test
    void theRootPackageIsConfigurable(@TempDir Path dir) throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("com/example/fn/api/[name].java", "package com.example.fn.api; class Greeting {}")
                .compile();
        Class<?> type = loader.loadClass("com.example.fn.api.Greeting");
        assertEquals("/api/[name]", new SourceRoutes("com.example.fn").routeOf(type));
        InvalidRouteException e = assertThrows(InvalidRouteException.class, () -> ROUTES.routeOf(type));
        assertTrue(e.getMessage().contains("its package 'com.example.fn.api' is not under the functions package"
                + " 'functions' (FUNC_FUNCTIONS_PACKAGE)"), e.getMessage());
    }

    @Test
    void aPackageThatOnlyStartsLikeTheRootIsNotUnderIt() {
        InvalidRouteException e = assertThrows(InvalidRouteException.class,
                () -> ROUTES.routeOf("functionsx.api", "hello.java"));
        assertTrue(e.getMessage().contains("not under the functions package"), e.getMessage());
    }

    @Test
    void withoutSourceFileNamesTheClassIsNamedAndTheReasonGiven(@TempDir Path dir) throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("functions/api/users/[id].java", "package functions.api.users; class User {}")
                .compile(List.of("-g:none"));
        Class<?> type = loader.loadClass("functions.api.users.User");
        assertNull(ClassFileSourceName.of(type));
        InvalidRouteException e = assertThrows(InvalidRouteException.class, () -> ROUTES.routeOf(type));
        assertEquals("functions.api.users.User has no @Route, and its route cannot come from its source file: its"
                + " class file records no source file name (compiled with javac -g:none?). Give it @Route(\"/path\")",
                e.getMessage());
    }

    @Test
    void aNestedClassDoesNotTakeItsOuterClassFile(@TempDir Path dir) throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("functions/api/hello.java", "package functions.api; class Hello { static class Inner {} }")
                .compile();
        InvalidRouteException e = assertThrows(InvalidRouteException.class,
                () -> ROUTES.routeOf(loader.loadClass("functions.api.Hello$Inner")));
        assertTrue(e.getMessage().startsWith("functions.api.Hello$Inner has no @Route, and its route cannot come"
                + " from its source file: it is nested in functions.api.Hello"), e.getMessage());
    }

    @Test
    void aFileNameThatIsNoRouteSegmentIsRefused(@TempDir Path dir) throws Exception {
        ClassLoader loader = new CompiledSources(dir)
                .file("functions/api/v[1].java", "package functions.api; class V1 {}")
                .compile();
        InvalidRouteException e = assertThrows(InvalidRouteException.class,
                () -> ROUTES.routeOf(loader.loadClass("functions.api.V1")));
        assertTrue(e.getMessage().contains("its file name 'v[1].java' is not a route segment: Invalid route pattern"
                + " \"/api/v[1]\": brackets must enclose a whole segment"), e.getMessage());
    }

    @Test
    void onlyJavaFilesGiveRoutes() {
        InvalidRouteException e = assertThrows(InvalidRouteException.class,
                () -> ROUTES.routeOf("functions.api", "hello.kt"));
        assertEquals("its source file 'hello.kt' is not a .java file", e.getMessage());
    }

    @Test
    void aFileNameMayHoldDotsForPathsLikeRobotsTxt() {
        assertEquals("/robots.txt", ROUTES.routeOf("functions", "robots.txt.java"));
    }

    @Test
    void theRootPackageMustBeAPackageName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SourceRoutes("my-fns"));
        assertEquals("FUNC_FUNCTIONS_PACKAGE must be a Java package name such as functions: 'my-fns'", e.getMessage());
    }

    /** The derived route is handed to the table as text, so it must parse back to the same route. */
    @Test
    void aFolderNamedIndexKeepsItsRoute() {
        String route = ROUTES.routeOf("functions.index", "index.java");
        assertEquals("/index/index", route);
        RouteTable<String> table = RouteTable.<String>builder().add(route, "folder", "functions.index.Index").build();
        assertEquals("folder", table.match("/index").target());
        assertNull(table.match("/"));
    }
}
