package dev.fetchlet.launcher.dev;

import dev.fetchlet.routing.InvalidRouteException;
import dev.fetchlet.routing.RoutePattern;
import dev.fetchlet.routing.SourceRoutes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stand-in handlers at the routes of sources that do not compile: each answers 500 with the compile errors, so
 * the page that was being worked on shows why it broke, while every other route keeps serving. They are
 * ordinary {@code @Route} handlers, generated and compiled, so the app's own route table places them with the
 * same precedence as the handlers they stand in for.
 *
 * <p>A broken source's routes are read from its text, since it has no class file: its {@code @Route} values,
 * else, if it mentions a handler or function type, the route of its file name and declared package (or
 * folders, if no package can be read). A route that a compiling handler already serves is left to it.
 */
final class CompileErrorRoutes {
    static final String PACKAGE = "fetchlet.dev.errors";

    private static final Pattern ROUTE = Pattern.compile(
            "@(?:dev\\.fetchlet\\.)?Route\\s*\\(\\s*(?:value\\s*=\\s*)?\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Mentions a type that makes a route: a helper class's errors show on the pages of the routes using it. */
    private static final Pattern ROUTED_TYPE =
            Pattern.compile("\\b(?:Handler|AsyncHandler|HttpFunction|CloudEventFunction)\\b");
    private static final Pattern PACKAGE_DECLARATION = Pattern.compile(
            "(?m)^\\s*package\\s+(\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}.]*)\\s*;");

    /**
     * Generated handlers and their pages.
     *
     * @param sources Java source by binary class name
     * @param pages each handler's page, by resource name
     * @param routes each stand-in's route and the source it stands in for, for the console
     */
    record StandIns(Map<String, String> sources, Map<String, byte[]> pages, Map<String, Path> routes) {
    }

    private CompileErrorRoutes() {
    }

    /** Stand-ins for every broken source of {@code compilation}, at routes no shape in {@code served} takes. */
    static StandIns standIns(Compilation compilation, Set<String> served, SourceRoutes sourceRoutes,
                             SourceFolder folder) {
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, byte[]> pages = new LinkedHashMap<>();
        Map<String, Path> routes = new LinkedHashMap<>();
        Set<String> taken = new LinkedHashSet<>(served);
        for (Path file : compilation.broken().keySet()) {
            byte[] page = ErrorPage.compileErrors(folder, file, compilation.broken()).getBytes(StandardCharsets.UTF_8);
            for (String route : routesOf(file, sourceRoutes, folder)) {
                if (!taken.add(shape(route))) {
                    continue;
                }
                String simpleName = "CompileError" + (routes.size() + 1);
                sources.put(PACKAGE + "." + simpleName, handlerSource(simpleName, route));
                pages.put(PACKAGE.replace('.', '/') + "/" + simpleName + ".html", page);
                routes.put(route, file);
            }
        }
        return new StandIns(sources, pages, routes);
    }

    /** The routes {@code file} declares, or else takes from its name; empty when neither can be told. */
    static List<String> routesOf(Path file, SourceRoutes sourceRoutes, SourceFolder folder) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of(); // deleted meanwhile, or not UTF-8: the console still shows the errors
        }
        List<String> routes = new ArrayList<>();
        Matcher declared = ROUTE.matcher(text);
        while (declared.find()) {
            String value = declared.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            addIfValid(routes, value);
        }
        if (routes.isEmpty() && ROUTED_TYPE.matcher(text).find()) {
            Matcher pkg = PACKAGE_DECLARATION.matcher(text);
            String packageName = pkg.find() ? pkg.group(1) : folderPackage(file, folder);
            try {
                routes.add(sourceRoutes.routeOf(packageName, file.getFileName().toString()));
            } catch (InvalidRouteException e) {
                // not a file-routed source: its errors show in the console only
            }
        }
        return routes;
    }

    /** The pattern with parameter names erased: {@code /a/[x]} and {@code /a/[y]} are the same route. */
    static String shape(String pattern) {
        return pattern.replaceAll("\\[\\[[^/\\]]*]]", "[[]]").replaceAll("\\[[^/\\[\\]]+]", "[]");
    }

    private static void addIfValid(List<String> routes, String value) {
        try {
            routes.add(RoutePattern.parse(value).pattern());
        } catch (InvalidRouteException e) {
            // the deployment would refuse it as well; nothing to stand in for
        }
    }

    private static String folderPackage(Path file, SourceFolder folder) {
        String relative = folder.relative(file);
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash).replace('/', '.');
    }

    private static String handlerSource(String simpleName, String route) {
        return "package " + PACKAGE + ";\n\n"
                + "/** Stands in for a source that does not compile. */\n"
                + "@dev.fetchlet.Route(\"" + javaString(route) + "\")\n"
                + "final class " + simpleName + " implements dev.fetchlet.Handler {\n"
                + "    @Override\n"
                + "    public dev.fetchlet.Response onRequest(dev.fetchlet.Context ctx) throws java.io.IOException {\n"
                + "        try (java.io.InputStream page = " + simpleName + ".class.getResourceAsStream(\""
                + simpleName + ".html\")) {\n"
                + "            return dev.fetchlet.Response.html(new String(page.readAllBytes(),"
                + " java.nio.charset.StandardCharsets.UTF_8)).status(500);\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
    }

    private static String javaString(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
