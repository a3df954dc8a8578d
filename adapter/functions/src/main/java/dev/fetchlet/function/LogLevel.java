package dev.fetchlet.function;

import java.util.Locale;

/**
 * Log levels a function or {@code FUNC_LOG_LEVEL} may set. The Node.js runtime's names are accepted too:
 * {@code fatal} is {@link #ERROR}, {@code silent} is {@link #OFF}.
 *
 * <pre>{@code
 * @Override
 * public LogLevel logLevel() {
 *     return LogLevel.DEBUG;
 * }
 * }</pre>
 */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, OFF;

    /**
     * The level named {@code name}, in any case.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static LogLevel parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        switch (n) {
            case "FATAL":
                return ERROR;
            case "SILENT":
                return OFF;
            case "WARNING":
                return WARN;
            default:
                for (LogLevel level : values()) {
                    if (level.name().equals(n)) {
                        return level;
                    }
                }
                throw new IllegalArgumentException("Unknown log level '" + name
                        + "': use trace, debug, info, warn, error or off (or fatal, silent)");
        }
    }
}
