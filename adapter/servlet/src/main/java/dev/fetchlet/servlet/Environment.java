package dev.fetchlet.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The map handlers see as {@code ctx.env()}: a {@code .env} file (development only), overridden by the web
 * app's context parameters, overridden by the process environment. Built once per deployment.
 */
final class Environment {
    private Environment() {
    }

    static Map<String, String> build(Map<String, String> processEnv, List<String> contextParamNames,
                                     Function<String, String> contextParam, Path dotEnv) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        if (dotEnv != null && Files.isRegularFile(dotEnv)) {
            env.putAll(parseDotEnv(Files.readAllLines(dotEnv, StandardCharsets.UTF_8)));
        }
        for (String name : contextParamNames) {
            env.put(name, contextParam.apply(name));
        }
        env.putAll(processEnv);
        return Collections.unmodifiableMap(env);
    }

    /** {@code KEY=value} lines; {@code #} comments, blank lines, an {@code export } prefix and quotes allowed. */
    static Map<String, String> parseDotEnv(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).trim();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).trim();
                }
            }
            values.put(key, value);
        }
        return values;
    }
}
