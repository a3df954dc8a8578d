package dev.fetchlet.function.internal;

import dev.fetchlet.function.LogLevel;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the level of the app's root logger when SLF4J is bound to Logback. Done by reflection so the adapter
 * does not depend on Logback: with another binding the level is left alone, with a note in the log.
 */
final class LogLevels {
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");
    private static final String LOGBACK_LOGGER = "ch.qos.logback.classic.Logger";

    private LogLevels() {
    }

    static void apply(LogLevel level) {
        if (level == null) {
            return;
        }
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Class<?> type = root.getClass();
        if (!type.getName().equals(LOGBACK_LOGGER)) {
            LOG.info("Log level {} not applied: SLF4J is bound to {}, not Logback", level, type.getName());
            return;
        }
        try {
            Class<?> levelType = Class.forName("ch.qos.logback.classic.Level", true, type.getClassLoader());
            Object logbackLevel = levelType.getMethod("toLevel", String.class).invoke(null, level.name());
            Method setLevel = type.getMethod("setLevel", levelType);
            setLevel.invoke(root, logbackLevel);
            LOG.info("Log level set to {}", level);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("Could not set the log level to {}: {}", level, e.toString());
        }
    }
}
