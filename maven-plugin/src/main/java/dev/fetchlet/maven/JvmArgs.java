package dev.fetchlet.maven;

import java.util.List;

/** Splits a {@code fetchlet.jvmArgs} value on whitespace. */
final class JvmArgs {
    private JvmArgs() {
    }

    static List<String> split(String jvmArgs) {
        if (jvmArgs == null || jvmArgs.isBlank()) {
            return List.of();
        }
        return List.of(jvmArgs.trim().split("\\s+"));
    }
}
