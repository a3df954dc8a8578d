package dev.fetchlet;

import dev.fetchlet.internal.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields and files of a form body, from {@code application/x-www-form-urlencoded} or
 * {@code multipart/form-data}.
 *
 * <pre>{@code
 * FormData form = ctx.request().formData();
 * String title = form.get("title");
 * FormData.FilePart upload = form.file("attachment");
 * if (upload != null) {
 *     store(upload.filename(), upload.bytes());
 * }
 * }</pre>
 */
public final class FormData {
    private final Map<String, List<String>> fields;
    private final Map<String, List<FilePart>> files;

    private FormData(Map<String, List<String>> fields, Map<String, List<FilePart>> files) {
        this.fields = fields;
        this.files = files;
    }

    /** A file from a multipart body. {@code contentType} defaults to {@code application/octet-stream}. */
    public record FilePart(String name, String filename, String contentType, byte[] bytes) {
        public long size() {
            return bytes.length;
        }

        /**
         * The content as UTF-8 text.
         *
         * @throws HttpException 400 if the content is not valid UTF-8 (overlong forms included); {@link #bytes()}
         *     has it as sent
         */
        public String text() {
            return Text.decode(bytes, StandardCharsets.UTF_8);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of a text field, or null. */
    public String get(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a text field; empty if absent. */
    public List<String> getAll(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** The first file of a field, or null. */
    public FilePart file(String name) {
        List<FilePart> parts = files.get(name);
        return parts == null || parts.isEmpty() ? null : parts.get(0);
    }

    /** Every file of a field; empty if absent. */
    public List<FilePart> files(String name) {
        return files.getOrDefault(name, List.of());
    }

    /** Names of text fields and file fields, in order. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>(fields.keySet());
        names.addAll(files.keySet());
        return names;
    }

    /** Text fields as name to values. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    /** Builds form data, for tests and for the body parsers. */
    public static final class Builder {
        private final Map<String, List<String>> fields = new LinkedHashMap<>();
        private final Map<String, List<FilePart>> files = new LinkedHashMap<>();

        public Builder field(String name, String value) {
            fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            return this;
        }

        public Builder fields(Map<String, List<String>> values) {
            values.forEach((name, list) -> list.forEach(v -> field(name, v)));
            return this;
        }

        public Builder file(FilePart part) {
            files.computeIfAbsent(part.name(), k -> new ArrayList<>(1)).add(part);
            return this;
        }

        public FormData build() {
            Map<String, List<String>> f = new LinkedHashMap<>();
            fields.forEach((k, v) -> f.put(k, List.copyOf(v)));
            Map<String, List<FilePart>> p = new LinkedHashMap<>();
            files.forEach((k, v) -> p.put(k, List.copyOf(v)));
            return new FormData(Collections.unmodifiableMap(f), Collections.unmodifiableMap(p));
        }
    }
}
