package dev.fetchlet.it.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The judge: reads events from an HTTP message as a receiver would (its own reading, not Fetchlet's), and
 * tells whether two readings are the same events: the same attribute set, {@code time} as an instant,
 * {@code datacontenttype} as a media type, data as JSON when its type is JSON, else as bytes.
 */
final class ReceivedEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its mode, attributes (datacontenttype included), and data as JSON or bytes (null: none). */
    record Event(String mode, Map<String, JsonNode> attributes, Object data) {
    }

    private ReceivedEvents() {
    }

    /** The events of a message with these headers (any case) and body. */
    static List<Event> read(Map<String, String> headers, byte[] body) throws IOException {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        String contentType = h.get("content-type");
        String essence = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (essence.equals(ConformanceData.BATCH)) {
            List<Event> events = new ArrayList<>();
            for (JsonNode node : JSON.readTree(body)) {
                events.add(structured(node, "batch"));
            }
            return events;
        }
        if (essence.equals(ConformanceData.STRUCTURED)) {
            return List.of(structured(JSON.readTree(body), "structured"));
        }
        Map<String, JsonNode> attributes = new TreeMap<>();
        h.forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("ce-")) {
                attributes.put(name.substring(3).toLowerCase(Locale.ROOT), new TextNode(percentDecode(value)));
            }
        });
        if (contentType != null) {
            attributes.put("datacontenttype", new TextNode(contentType));
        }
        return List.of(new Event("binary", attributes, body.length == 0 ? null : data(contentType, body)));
    }

    private static Event structured(JsonNode node, String mode) {
        Map<String, JsonNode> attributes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            if (!m.getKey().equals("data") && !m.getKey().equals("data_base64")) {
                if (!m.getValue().isNull()) {
                    attributes.put(m.getKey(), m.getValue());
                }
            }
        }
        String type = node.hasNonNull("datacontenttype") ? node.get("datacontenttype").asText() : null;
        Object data = null;
        boolean base64 = node.hasNonNull("datacontentencoding")
                && node.get("datacontentencoding").asText().equalsIgnoreCase("base64");
        if (node.hasNonNull("data_base64")) {
            data = data(type, Base64.getDecoder().decode(node.get("data_base64").asText()));
        } else if (node.has("data") && base64) {
            data = data(type, Base64.getDecoder().decode(node.get("data").asText()));
        } else if (node.has("data")) {
            JsonNode value = node.get("data");
            data = isJson(type) || !value.isTextual() ? value : value.asText().getBytes(StandardCharsets.UTF_8);
        }
        return new Event(mode, attributes, data);
    }

    private static Object data(String type, byte[] bytes) {
        if (isJson(type)) {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                return bytes;
            }
        }
        return bytes;
    }

    private static boolean isJson(String type) {
        if (type == null) {
            return true;
        }
        String essence = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return essence.equals("application/json") || essence.equals("text/json") || essence.endsWith("+json");
    }

    /**
     * Null when {@code got} is the same events as {@code sent}, in the mode a reply to {@code sent} takes (SPEC 7:
     * binary for a binary or structured event, batch for a batch); else what differs.
     */
    static String difference(List<Event> sent, List<Event> got) {
        if (sent.size() != got.size()) {
            return "sent " + sent.size() + " events, got " + got.size();
        }
        for (int i = 0; i < sent.size(); i++) {
            String d = difference(sent.get(i), got.get(i));
            if (d != null) {
                return "event " + i + ": " + d;
            }
        }
        return null;
    }

    private static String difference(Event sent, Event got) {
        String replyMode = sent.mode().equals("batch") ? "batch" : "binary";
        if (!replyMode.equals(got.mode())) {
            return "sent in " + sent.mode() + " mode, answered in " + got.mode() + " mode, not " + replyMode;
        }
        Map<String, JsonNode> sentAttributes = new TreeMap<>(sent.attributes());
        // 0.3's base64 flag describes the JSON form of the data, which binary mode does not have.
        sentAttributes.remove("datacontentencoding");
        if (!sentAttributes.keySet().equals(got.attributes().keySet())) {
            return "attributes " + sentAttributes.keySet() + " came back as " + got.attributes().keySet();
        }
        for (String name : sentAttributes.keySet()) {
            JsonNode a = sentAttributes.get(name);
            JsonNode b = got.attributes().get(name);
            boolean same = switch (name) {
                case "time" -> OffsetDateTime.parse(a.asText()).toInstant().equals(OffsetDateTime.parse(b.asText()).toInstant());
                case "datacontenttype" -> mediaType(a.asText()).equals(mediaType(b.asText()));
                // A typed extension (5, true) has one string form, which is all a header can carry.
                default -> replyMode.equals("binary") ? a.asText().equals(b.asText()) : a.equals(b);
            };
            if (!same) {
                return name + " " + a + " came back as " + b;
            }
        }
        // Binary mode has no "data": null; a receiver reads it as no data, as the JSON format's null means.
        Object x = sent.data() instanceof JsonNode n && n.isNull() && replyMode.equals("binary") ? null : sent.data();
        Object y = got.data();
        boolean same = x instanceof byte[] bx && y instanceof byte[] by ? Arrays.equals(bx, by) : Objects.equals(x, y);
        return same ? null : "data " + show(x) + " came back as " + show(y);
    }

    private static String show(Object data) {
        return data instanceof byte[] b ? "bytes " + new String(b, StandardCharsets.UTF_8) : String.valueOf(data);
    }

    private static List<String> mediaType(String value) {
        List<String> parts = new ArrayList<>();
        for (String p : value.toLowerCase(Locale.ROOT).split(";")) {
            parts.add(p.replace(" ", "").replace("\"", ""));
        }
        List<String> params = new ArrayList<>(parts.subList(1, parts.size()));
        params.sort(null);
        List<String> out = new ArrayList<>(List.of(parts.get(0)));
        out.addAll(params);
        return out;
    }

    private static String percentDecode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) {
                out.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
