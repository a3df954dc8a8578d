package dev.fetchlet.servlet;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The Knative revision a request is served by, in the logging MDC for every line logged while it is served:
 * {@code k_service}, {@code k_revision} and {@code k_configuration}, from the {@code K_SERVICE},
 * {@code K_REVISION} and {@code K_CONFIGURATION} environment variables Knative sets in the container. Outside
 * Knative none is set and nothing is added. A log pattern shows them with {@code %X{k_revision}}.
 */
final class KnativeLogContext {
    static final KnativeLogContext FROM_ENVIRONMENT = new KnativeLogContext(System.getenv());

    private final Map<String, String> entries;

    KnativeLogContext(Map<String, String> environment) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String variable : new String[] {"K_SERVICE", "K_REVISION", "K_CONFIGURATION"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                found.put(variable.toLowerCase(java.util.Locale.ROOT), value);
            }
        }
        this.entries = Map.copyOf(found);
    }

    /** The MDC entries this context adds. */
    Map<String, String> entries() {
        return entries;
    }

    // Outside Knative (no entries) these run per request and must cost nothing, not even an iterator.
    void put() {
        if (!entries.isEmpty()) {
            entries.forEach(MDC::put);
        }
    }

    void remove() {
        if (!entries.isEmpty()) {
            entries.keySet().forEach(MDC::remove);
        }
    }
}
