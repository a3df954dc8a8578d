package dev.fetchlet.launcher;

import java.util.Map;
import java.util.Properties;

/**
 * The most header fields a request may carry, read where the web app reads it ({@code FUNC_MAX_HEADER_FIELDS}: a
 * system property, else an environment variable, else 100), so that the launcher's parser and the app agree.
 *
 * <p>Read here rather than through the adapter's {@code FetchletConfig}: the launcher must not load the adapter's
 * classes before the app starts, because a class path app's initializers then run in another order (the
 * adapter's after the app's own, whose route listing it replaces; {@code ClasspathAppTest}).
 */
final class HeaderFieldLimit {
    static final String KEY = "FUNC_MAX_HEADER_FIELDS";
    /** The adapter's default as well (Tomcat's too). */
    static final int DEFAULT = 100;

    private HeaderFieldLimit() {
    }

    /** @throws IllegalArgumentException naming the key when its value is not a whole number of 1 or more */
    static int fromProcess(Properties system, Map<String, String> env) {
        String value = system.getProperty(KEY);
        if (value == null || value.isBlank()) {
            value = env.get(KEY);
        }
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(KEY + " must be a whole number, 1 or more: '" + value + "'");
    }
}
