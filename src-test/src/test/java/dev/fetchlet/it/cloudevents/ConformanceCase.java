package dev.fetchlet.it.cloudevents;

import java.util.Map;

/**
 * One request of the public conformance data or the spec's examples: what to send and whether it is a valid
 * event (echoed back as the same event) or an invalid one (400).
 */
record ConformanceCase(String category, String name, boolean valid, Map<String, String> headers, byte[] body) {
    @Override
    public String toString() {
        return category + ": " + name;
    }
}
