package dev.fetchlet.launcher;

import java.net.URL;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter;

/**
 * Applies the launcher's Logback configuration, {@code dev/fetchlet/launcher/logback.xml}, unless the user
 * chose one: the {@code logback.configurationFile} property, or a {@code logback.xml} or
 * {@code logback-test.xml} of their own on the classpath.
 *
 * <p>The configuration is not a plain {@code /logback.xml} because web apps see the container's resources
 * too: a WAR bundling Logback would find two and warn about it at every start.
 */
final class LauncherLogging {

    private static final String CONFIGURATION = "logback.xml";

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
        URL configuration = LauncherLogging.class.getResource(CONFIGURATION);
        if (!(factory instanceof LoggerContext context) || configuration == null) {
            return; // another SLF4J binding, configured its own way
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            // Logback records the cause in its status list, printed below.
        }
        StatusPrinter.printInCaseOfErrorsOrWarnings(context);
    }
}
