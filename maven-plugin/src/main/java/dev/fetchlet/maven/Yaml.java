package dev.fetchlet.maven;

/**
 * Just enough YAML writing for the manifests: nested mappings and lists by indentation, every string scalar
 * double-quoted (so "1.0", "true" or "on" stay strings, and no character needs a second thought).
 */
final class Yaml {
    private final StringBuilder out = new StringBuilder();

    /** {@code key:} opening a nested block at {@code indent} spaces. */
    Yaml block(int indent, String key) {
        return line(indent, key + ":");
    }

    Yaml text(int indent, String key, String value) {
        return line(indent, key + ": " + quoted(value));
    }

    Yaml number(int indent, String key, long value) {
        return line(indent, key + ": " + value);
    }

    /** A raw line, such as a list item's {@code - name: ...} or the {@code ---} between documents. */
    Yaml line(int indent, String text) {
        out.append(" ".repeat(indent)).append(text).append('\n');
        return this;
    }

    static String quoted(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
