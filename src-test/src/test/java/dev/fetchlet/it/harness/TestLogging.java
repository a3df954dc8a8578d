package dev.fetchlet.it.harness;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

/**
 * Sets the suite's own log levels in code rather than with a {@code logback-test.xml}: web apps see their
 * container's resources, so the example WAR's Logback would pick such a file up instead of its own
 * {@code logback.xml}, and the suite would no longer see the WAR log as it does in production.
 */
public final class TestLogging {

    private static boolean applied;

    private TestLogging() {
    }

    /** Logback's default is DEBUG for everything; the containers' start-up chatter hides test failures. */
    public static synchronized void quietContainers() {
        if (applied) {
            return;
        }
        applied = true;
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        }
    }
}
