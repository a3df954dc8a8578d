package dev.fetchlet.function;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's answer with its own status and headers, the {@code StructuredReturn} of the Knative runtime.
 * The body may be a {@code String} (sent as {@code text/plain} unless the headers name another
 * {@code Content-Type}), a {@code byte[]} ({@code application/octet-stream} unless named), any other object
 * (serialised as JSON, {@code application/json} unless named), or {@code null} for none.
 *
 * <pre>{@code
 * return StructuredReturn.builder()
 *         .status(201)
 *         .header("Location", "/orders/" + order.id())
 *         .body(order)                     // JSON
 *         .build();
 *
 * return StructuredReturn.of(404, "no such order");
 * }</pre>
 *
 * @param statusCode the HTTP status, 100 to 599
 * @param headers    header names to values; never null
 * @param body       the body, or null for none
 */
public record StructuredReturn(int statusCode, Map<String, String> headers, Object body) {

    public StructuredReturn {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be within 100..599, not " + statusCode);
        }
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** {@code statusCode} with {@code body} and no headers of its own. */
    public static StructuredReturn of(int statusCode, Object body) {
        return new StructuredReturn(statusCode, Map.of(), body);
    }

    /** {@code statusCode} and nothing else. */
    public static StructuredReturn status(int statusCode) {
        return new StructuredReturn(statusCode, Map.of(), null);
    }

    /** A builder, status 200 unless set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link StructuredReturn}; each setter returns the builder. */
    public static final class Builder {
        private int status = 200;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;

        private Builder() {
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** Sets a header, replacing an earlier value of the same name. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder body(Object body) {
            this.body = body;
            return this;
        }

        public StructuredReturn build() {
            return new StructuredReturn(status, headers, body);
        }
    }
}
