package dev.fetchlet.launcher;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.util.StatusPrinter;

/**
 * Applies the launcher's Logback configuration unless the user chose one: the {@code logback.configurationFile}
 * property, or a {@code logback.xml} or {@code logback-test.xml} of their own on the classpath.
 *
 * <p>The configuration is built in code rather than read from a {@code logback.xml}: Logback's XML
 * configurator took about 140 ms of a cold start's main thread. It is what a {@code logback.xml} with a
 * console appender would give: INFO and above, one line per event as {@link LauncherLogLayout} writes it,
 * with the request id the adapter puts in the MDC.
 */
final class LauncherLogging {

    private LauncherLogging() {
    }

    static void configure() {
        ClassLoader loader = LauncherLogging.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
            || loader.getResource("logback.xml") != null
            || loader.getResource("logback-test.xml") != null) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return; // another SLF4J binding, configured its own way
        }
        context.reset();
        LauncherLogLayout layout = new LauncherLogLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        // Says at every start that JSP is absent, which Fetchlet apps do not use.
        context.getLogger("org.eclipse.jetty.ee10.webapp.StandardDescriptorProcessor").setLevel(Level.WARN);
        StatusPrinter.printInCaseOfErrorsOrWarnings(context);
    }
}
