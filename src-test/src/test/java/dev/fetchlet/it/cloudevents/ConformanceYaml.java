package dev.fetchlet.it.cloudevents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the conformance repository's YAML events, a small fixed shape: documents split by {@code ---}, a
 * {@code Mode}, {@code ContextAttributes} (with nested {@code Extensions}), {@code TransportExtensions} and a
 * {@code Data: |} block. Only that shape, so no YAML library is needed.
 */
final class ConformanceYaml {
    /** One YAML event: its mode (null when the file leaves it open), attributes, extensions and data. */
    record Event(String comment, String mode, Map<String, String> attributes, Map<String, String> extensions,
                 String data) {
    }

    private ConformanceYaml() {
    }

    static List<Event> read(String text) {
        List<Event> events = new ArrayList<>();
        for (String doc : text.split("(?m)^---\\s*$")) {
            if (!doc.isBlank()) {
                events.add(document(doc.lines().toList()));
            }
        }
        return events;
    }

    private static Event document(List<String> lines) {
        String comment = "";
        String mode = null;
        String data = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> extensions = new LinkedHashMap<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                comment = line.substring(1).trim();
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (value.equals("|")) {
                StringBuilder block = new StringBuilder();
                int blockIndent = -1;
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                        || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                    String next = lines.get(++i);
                    if (blockIndent < 0 && !next.isBlank()) {
                        blockIndent = next.length() - next.stripLeading().length();
                    }
                    block.append(next.isBlank() ? "" : next.substring(blockIndent)).append('\n');
                }
                value = block.toString().replaceAll("\n+$", "\n");
            } else if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (indent == 0) {
                section = key;
                if (key.equals("Mode")) {
                    mode = value;
                } else if (key.equals("Data")) {
                    data = value;
                }
            } else if (section.equals("ContextAttributes")) {
                if (key.equals("Extensions")) {
                    section = "Extensions";
                } else {
                    attributes.put(key, value);
                }
            } else if (section.equals("Extensions")) {
                if (indent <= 2) {
                    section = "ContextAttributes";
                    attributes.put(key, value);
                } else {
                    extensions.put(key, value);
                }
            }
        }
        return new Event(comment, mode, attributes, extensions, data);
    }
}
