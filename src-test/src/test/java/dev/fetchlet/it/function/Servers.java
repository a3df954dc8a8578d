package dev.fetchlet.it.function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.fetchlet.launcher.testing.TestServer;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Starts functions on the test kit's embedded Jetty. Log levels are set in code, not by a logback-test.xml,
 * which the example WAR would pick up in the containers this JVM also runs.
 */
final class Servers {
    private Servers() {
    }

    static TestServer start(Class<?>... classes) {
        return start(Map.of(), classes);
    }

    static TestServer start(Map<String, String> settings, Class<?>... classes) {
        quietLogs();
        return TestServer.start(settings, classes);
    }

    static TestServer start(Map<String, String> settings, java.time.Duration gracePeriod, Class<?>... classes) {
        quietLogs();
        return TestServer.start(settings, gracePeriod, classes);
    }

    static synchronized void quietLogs() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            if (root.getLevel() == Level.DEBUG) {
                root.setLevel(Level.INFO);
            }
            context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        }
    }
}
