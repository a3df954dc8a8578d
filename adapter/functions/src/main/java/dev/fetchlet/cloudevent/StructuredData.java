package dev.fetchlet.cloudevent;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEventData;
import java.nio.charset.StandardCharsets;

/**
 * Data that came in a structured event, remembering the JSON form it had ({@code data} as a JSON value, as a
 * string, as {@code null}, or {@code data_base64}) so that an event returned unchanged goes out in that form.
 */
sealed interface StructuredData extends CloudEventData {

    /** {@code "data": <value>} under a JSON {@code datacontenttype}; the bytes are the value's JSON text. */
    record Json(JsonNode value) implements StructuredData {
        @Override
        public byte[] toBytes() {
            return EventJson.write(value);
        }
    }

    /** {@code "data": "<text>"} under a non-JSON {@code datacontenttype}; the bytes are the text in UTF-8. */
    record Text(String value) implements StructuredData {
        @Override
        public byte[] toBytes() {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** {@code "data": null}: present in the JSON, but no bytes. */
    record Null() implements StructuredData {
        @Override
        public byte[] toBytes() {
            return new byte[0];
        }
    }

    /** {@code data_base64} (or 0.3's {@code datacontentencoding: base64}): binary data. */
    record Base64(byte[] bytes) implements StructuredData {
        @Override
        public byte[] toBytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Base64 other && java.util.Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Base64[" + bytes.length + " bytes]";
        }
    }
}
