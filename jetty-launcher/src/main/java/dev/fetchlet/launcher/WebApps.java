package dev.fetchlet.launcher;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketConfiguration;

/** Creates the Jetty web app context for each kind of app source, all configured alike. */
final class WebApps {

    /**
     * Class path jars never scanned in a classpath app, whatever the {@link JarScanFilter}: the launcher's own
     * libraries and test frameworks, which hold no app classes and would only slow the start.
     */
    static final List<String> CLASSPATH_ALWAYS_SKIPPED = List.of(
        "jetty-*", "logback-*", "slf4j-*", "jakarta.*", "asm-*", "junit-*", "opentest4j-*", "apiguardian-*");

    /**
     * Initializers that belong to another container and fail in Jetty, such as Tomcat's WebSocket {@code WsSci}:
     * skipped, so that a classpath carrying both containers (a test suite comparing them) still deploys.
     */
    static final String FOREIGN_INITIALIZERS = "^org\\.apache\\.(tomcat|catalina|jasper)\\..*";

    private WebApps() {
    }

    /** A web app from a {@code .war} file or an exploded folder; its {@code WEB-INF/lib} scanned as the filter says. */
    static WebAppContext fromWar(Path warFileOrFolder, JarScanFilter scanFilter) {
        WebAppContext context = newContext();
        context.setWar(warFileOrFolder.toAbsolutePath().toString());
        context.setAttribute(MetaInfConfiguration.WEBINF_JAR_PATTERN, scanFilter.includePattern(List.of()));
        return context;
    }

    /** A web app whose classes come from the JVM classpath, with an optional folder of static resources. */
    static WebAppContext fromClasspath(Path staticFolderOrNull, JarScanFilter scanFilter) {
        WebAppContext context = newContext();
        if (staticFolderOrNull != null) {
            context.setBaseResourceAsPath(staticFolderOrNull.toAbsolutePath());
        }
        context.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN,
            scanFilter.includePattern(CLASSPATH_ALWAYS_SKIPPED));
        return context;
    }

    private static WebAppContext newContext() {
        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        // Annotation scanning finds initializers' @HandlesTypes; the WebSocket configuration puts the
        // standard ServerContainer into the servlet context.
        context.addConfiguration(new AnnotationConfiguration(), new JakartaWebSocketConfiguration());
        context.setAttribute(AnnotationConfiguration.SERVLET_CONTAINER_INITIALIZER_EXCLUSION_PATTERN,
            FOREIGN_INITIALIZERS);
        // A failing initializer must fail the deployment rather than leave a half-working app behind.
        context.setThrowUnavailableOnStartupException(true);
        // Like Tomcat's default: do not list folders of static resources.
        context.setInitParameter("org.eclipse.jetty.servlet.Default.dirAllowed", "false");
        WebDefaults.apply(context);
        // Before the start, so that a web.xml's error pages are added to it.
        ShortErrors.install(context);
        return context;
    }
}
