package dev.fetchlet.config;

import java.util.Map;
import java.util.function.Function;

/**
 * Where configuration values come from, highest first: a JVM system property, an environment variable, then a
 * host-specific source (a web app's context parameters). Every key is spelled the same in each, e.g.
 * {@code FUNC_BODY_LIMIT} as {@code -DFUNC_BODY_LIMIT=10MB}, as an environment variable, or as a
 * {@code <context-param>} in {@code web.xml}.
 */
public final class Settings {
    private final Map<String, String> system;
    private final Map<String, String> environment;
    private final Function<String, String> host;

    public Settings(Map<String, String> system, Map<String, String> environment, Function<String, String> host) {
        this.system = system;
        this.environment = environment;
        this.host = host;
    }

    /** Settings from this JVM's system properties and environment, over {@code host}. */
    public static Settings fromProcess(Function<String, String> host) {
        Map<String, String> props = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return new Settings(props, System.getenv(), host);
    }

    /** The value of {@code key}, or null when no source sets it (blank counts as unset). */
    public String get(String key) {
        String v = system.get(key);
        if (isBlank(v)) {
            v = environment.get(key);
        }
        if (isBlank(v) && host != null) {
            v = host.apply(key);
        }
        return isBlank(v) ? null : v.trim();
    }

    public String get(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    public Map<String, String> environment() {
        return environment;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
