package dev.fetchlet.routing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Routes from where a handler's source file lives, as file-routed functions have them: below a root package
 * ({@value #DEFAULT_PACKAGE} by default), each package is a folder and the source file name is the last segment.
 *
 * <table>
 *   <caption>Source files and their routes under the default root package</caption>
 *   <tr><th>source file</th><th>package</th><th>route</th></tr>
 *   <tr><td>{@code functions/index.java}</td><td>{@code functions}</td><td>{@code /}</td></tr>
 *   <tr><td>{@code functions/hello-pages.java}</td><td>{@code functions}</td><td>{@code /hello-pages}</td></tr>
 *   <tr><td>{@code functions/api/users/[id].java}</td><td>{@code functions.api.users}</td><td>{@code /api/users/[id]}</td></tr>
 *   <tr><td>{@code functions/api/visit/index.java}</td><td>{@code functions.api.visit}</td><td>{@code /api/visit}</td></tr>
 *   <tr><td>{@code functions/api/[[default]].java}</td><td>{@code functions.api}</td><td>{@code /api/[[default]]}</td></tr>
 * </table>
 *
 * <p>{@code javac} accepts a class that is not {@code public} in a file of any name, such as {@code [id].java},
 * and records that name in the class file (see {@link ClassFileSourceName}), so the route is known at run time
 * in a WAR on any container. The package must be declared to match the folders. Java package names cannot
 * hold brackets or {@code -}, so a dynamic segment in the middle of a path ({@code /api/[org]/members}) still
 * needs {@code @Route}, which always wins over the file name. A folder named as a Java keyword takes a trailing
 * underscore in the package ({@code functions/api/private/me.java} declares {@code package functions.api.private_;}),
 * as JLS 6.1 suggests; the route has the folder's name, {@code /api/private/me}.
 *
 * <pre>{@code
 * // functions/api/users/[id].java
 * package functions.api.users;
 *
 * class User implements Handler {
 *     public Response onRequestGet(Context ctx) {
 *         return Response.text("User id is " + ctx.params().get("id"));
 *     }
 * }
 *
 * new SourceRoutes("functions").routeOf(User.class); // "/api/users/[id]"
 * }</pre>
 */
public final class SourceRoutes {
    /** The root package when none is configured. */
    public static final String DEFAULT_PACKAGE = "functions";

    /** The setting naming the root package, such as {@code com.example.functions}. */
    public static final String PACKAGE_SETTING = "FUNC_FUNCTIONS_PACKAGE";

    private static final Pattern PACKAGE_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private final String rootPackage;

    /**
     * Routes below {@code rootPackage}.
     *
     * @throws IllegalArgumentException if it is not a package name such as {@code functions} or {@code com.example.fn}
     */
    public SourceRoutes(String rootPackage) {
        Objects.requireNonNull(rootPackage, "rootPackage");
        if (!PACKAGE_NAME.matcher(rootPackage).matches()) {
            throw new IllegalArgumentException(PACKAGE_SETTING + " must be a Java package name such as "
                    + DEFAULT_PACKAGE + ": '" + rootPackage + "'");
        }
        this.rootPackage = rootPackage;
    }

    /** The root package whose folders are route segments. */
    public String rootPackage() {
        return rootPackage;
    }

    /**
     * The route of a top-level class, from its package and the source file name in its class file.
     *
     * @return the normalized pattern, such as {@code /api/users/[id]}
     * @throws InvalidRouteException when the route cannot be derived; the message names the class and says why
     */
    public String routeOf(Class<?> type) throws InvalidRouteException {
        String why;
        if (type.getEnclosingClass() != null) {
            why = "it is nested in " + type.getEnclosingClass().getName()
                    + ", and only a top-level class takes its route from its file name";
        } else {
            String sourceFile;
            try {
                sourceFile = ClassFileSourceName.of(type);
            } catch (IllegalArgumentException e) {
                sourceFile = null;
            }
            if (sourceFile == null) {
                why = "its class file records no source file name (compiled with javac -g:none?)";
            } else {
                try {
                    return routeOf(type.getPackageName(), sourceFile);
                } catch (InvalidRouteException e) {
                    why = e.getMessage();
                }
            }
        }
        throw new InvalidRouteException(type.getName() + " has no @Route, and its route cannot come from its source"
                + " file: " + why + ". Give it @Route(\"/path\")");
    }

    /**
     * The route of a source file named {@code sourceFileName} declaring {@code packageName}.
     *
     * <pre>{@code
     * new SourceRoutes("functions").routeOf("functions.api.visit", "index.java"); // "/api/visit"
     * }</pre>
     *
     * @throws InvalidRouteException saying why, when the package is outside the root, the file is not a
     *     {@code .java} file, or the file name is not a route segment
     */
    public String routeOf(String packageName, String sourceFileName) throws InvalidRouteException {
        String folders = folders(packageName);
        if (!sourceFileName.endsWith(".java") || sourceFileName.length() == ".java".length()
                || sourceFileName.contains("/")) {
            throw new InvalidRouteException("its source file '" + sourceFileName + "' is not a .java file");
        }
        String segment = sourceFileName.substring(0, sourceFileName.length() - ".java".length());
        try {
            return RoutePattern.parse(folders + "/" + segment).pattern();
        } catch (InvalidRouteException e) {
            throw new InvalidRouteException("its file name '" + sourceFileName + "' is not a route segment: "
                    + e.getMessage());
        }
    }

    /**
     * The folder a package stands for: {@code /} for the root package, {@code /api/private} for
     * {@code functions.api.private_}. A folder named as a Java keyword ({@code private}, {@code new}) is written
     * with a trailing underscore in the package name, as JLS 6.1 suggests, and the underscore is dropped here.
     *
     * @throws InvalidRouteException when the package is not under the root package
     */
    public String folderOf(String packageName) throws InvalidRouteException {
        String folders = folders(packageName);
        return folders.isEmpty() ? "/" : folders;
    }

    private String folders(String packageName) throws InvalidRouteException {
        if (packageName.equals(rootPackage)) {
            return "";
        }
        if (!packageName.startsWith(rootPackage + ".")) {
            throw new InvalidRouteException("its package '" + packageName + "' is not under the functions package '"
                    + rootPackage + "' (" + PACKAGE_SETTING + ")");
        }
        StringBuilder folders = new StringBuilder();
        for (String part : packageName.substring(rootPackage.length() + 1).split("\\.")) {
            folders.append('/').append(isEscapedKeyword(part) ? part.substring(0, part.length() - 1) : part);
        }
        return folders.toString();
    }

    // "private_" for the folder "private". Written out rather than asked of javax.lang.model, which a trimmed
    // runtime may lack.
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("abstract", "assert", "boolean",
            "break", "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double",
            "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import",
            "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public",
            "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
            "transient", "try", "void", "volatile", "while", "true", "false", "null");

    private static boolean isEscapedKeyword(String part) {
        return part.length() > 1 && part.endsWith("_") && KEYWORDS.contains(part.substring(0, part.length() - 1));
    }

    @Override
    public String toString() {
        return "SourceRoutes[" + rootPackage + "]";
    }
}
