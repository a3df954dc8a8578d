package dev.fetchlet.function.internal;

import dev.fetchlet.config.Settings;
import dev.fetchlet.config.Units;
import dev.fetchlet.function.LogLevel;
import java.util.List;

/**
 * The settings of functions, read once per deployment from the same sources as every other key (system
 * property, environment variable, context parameter):
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code FUNC_PATH}</td><td>{@code /}</td><td>path of a function class without {@code @Route}</td></tr>
 *   <tr><td>{@code FUNC_CLASS}</td><td>none</td><td>the function to serve when several lack {@code @Route}</td></tr>
 *   <tr><td>{@code FUNC_CORS_ORIGINS}</td><td>{@code *}</td><td>origins allowed by CORS, comma-separated</td></tr>
 *   <tr><td>{@code FUNC_LOG_LEVEL}</td><td>none</td><td>log level; wins over a function's {@code logLevel()}</td></tr>
 * </table>
 */
final class FunctionConfig {
    final String functionPath;
    final String functionClass;
    final List<String> corsOrigins;
    final LogLevel logLevel;

    FunctionConfig(Settings s) {
        functionPath = Units.path("FUNC_PATH", s.get("FUNC_PATH", "/"));
        functionClass = s.get("FUNC_CLASS");
        corsOrigins = List.of(s.get("FUNC_CORS_ORIGINS", "*").split("\\s*,\\s*"));
        logLevel = s.get("FUNC_LOG_LEVEL") == null ? null : LogLevel.parse(s.get("FUNC_LOG_LEVEL"));
    }
}
