package dev.fetchlet.cloudevent;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fetchlet.Response;
import dev.fetchlet.internal.MediaType;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes CloudEvents as HTTP responses: binary mode ({@code ce-*} headers, percent-encoded as the HTTP binding
 * 3.1.3.2 asks; the data is the body), structured mode and batch mode (the JSON format). An event read by
 * {@link CloudEventReader} and written back unchanged comes out as the same event, its data in the JSON form
 * it came in ({@code data} value, string, {@code null} or {@code data_base64}).
 *
 * <pre>{@code
 * Response reply = CloudEventWriter.binary(event);
 * }</pre>
 */
public final class CloudEventWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudEventWriter() {
    }

    /** The event as {@code ce-*} headers, with its data as the body and its {@code datacontenttype} as Content-Type. */
    public static Response binary(CloudEvent event) {
        CloudEventData data = event.getData();
        byte[] body = data == null ? new byte[0] : data.toBytes();
        Response response = Response.bytes(body, "application/octet-stream");
        response.headers().delete("Content-Type");
        attributes(event).forEach((name, value) -> response.header("ce-" + name, HeaderValues.encode(text(value))));
        if (event.getDataContentType() != null) {
            response.header("Content-Type", event.getDataContentType());
        }
        return response;
    }

    /** The event as one {@code application/cloudevents+json} document. */
    public static Response structured(CloudEvent event) {
        return Response.bytes(EventJson.write(json(event)), CloudEventReader.STRUCTURED);
    }

    /** The events as an {@code application/cloudevents-batch+json} array. */
    public static Response batch(List<CloudEvent> events) {
        ArrayNode array = NODES.arrayNode(events.size());
        events.forEach(e -> array.add(json(e)));
        return Response.bytes(EventJson.write(array), CloudEventReader.BATCH);
    }

    // Every attribute but datacontenttype (which binary mode sends as Content-Type), in the spec's order.
    private static Map<String, Object> attributes(CloudEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("specversion", event.getSpecVersion().toString());
        out.put("id", event.getId());
        out.put("source", event.getSource());
        out.put("type", event.getType());
        putIfPresent(out, "subject", event.getSubject());
        putIfPresent(out, "time", event.getTime());
        putIfPresent(out, event.getSpecVersion() == SpecVersion.V03 ? "schemaurl" : "dataschema", event.getDataSchema());
        for (String name : event.getExtensionNames()) {
            putIfPresent(out, name, event.getExtension(name));
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> out, String name, Object value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    private static String text(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    private static ObjectNode json(CloudEvent event) {
        ObjectNode node = NODES.objectNode();
        attributes(event).forEach((name, value) -> {
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                node.put(name, ((Number) value).longValue());
            } else if (value instanceof Boolean b) {
                node.put(name, b);
            } else {
                node.put(name, text(value));
            }
        });
        if (event.getDataContentType() != null) {
            node.put("datacontenttype", event.getDataContentType());
        }
        data(event, node);
        return node;
    }

    private static void data(CloudEvent event, ObjectNode node) {
        CloudEventData data = event.getData();
        boolean v03 = event.getSpecVersion() == SpecVersion.V03;
        if (data == null) {
            return;
        }
        if (data instanceof StructuredData.Null) {
            node.putNull("data");
            return;
        }
        if (data instanceof StructuredData.Json json) {
            node.set("data", json.value());
            return;
        }
        if (data instanceof StructuredData.Text text) {
            node.put("data", text.value());
            return;
        }
        byte[] bytes = data.toBytes();
        if (!(data instanceof StructuredData.Base64)) {
            if (bytes.length == 0) {
                return;
            }
            String type = event.getDataContentType();
            JsonNode value = EventJson.isJson(type) ? parse(bytes) : null;
            if (value != null) {
                node.set("data", value);
                return;
            }
            String text = isText(type) ? utf8(bytes) : null;
            if (text != null) {
                node.put("data", text);
                return;
            }
        }
        String encoded = Base64.getEncoder().encodeToString(bytes);
        if (v03) {
            node.put("datacontentencoding", "base64");
            node.put("data", encoded);
        } else {
            node.put("data_base64", encoded);
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            JsonNode value = EventJson.mapper().readTree(bytes);
            return value == null || value.isMissingNode() ? null : value;
        } catch (JacksonException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    // Text travels as a JSON string; the JSON format base64-encodes only what is binary.
    private static boolean isText(String type) {
        String essence = MediaType.essence(type);
        return essence.startsWith("text/") || essence.endsWith("+xml") || essence.equals("application/xml")
                || MediaType.parameter(type, "charset") != null;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
