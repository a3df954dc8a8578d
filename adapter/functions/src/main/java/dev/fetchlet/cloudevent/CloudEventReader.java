package dev.fetchlet.cloudevent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchlet.Headers;
import dev.fetchlet.HttpException;
import dev.fetchlet.internal.MediaType;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.data.BytesCloudEventData;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the CloudEvents an HTTP request carries, checked against CloudEvents 1.0.2 (0.3 accepted), its HTTP
 * binding and its JSON format: binary mode ({@code ce-*} headers, percent-decoded; the body is the data),
 * structured mode ({@code application/cloudevents+json}) and batch mode
 * ({@code application/cloudevents-batch+json}). Whatever is wrong with an event is the sender's mistake and
 * throws a 400 {@link HttpException} whose message says what in plain words.
 *
 * <pre>{@code
 * CloudEventReader.Incoming in = CloudEventReader.read(request.headers(), request.bytes());
 * if (in.mode() == CloudEventReader.Mode.BINARY) { CloudEvent event = in.events().get(0); ... }
 * }</pre>
 */
public final class CloudEventReader {
    public static final String STRUCTURED = "application/cloudevents+json";
    public static final String BATCH = "application/cloudevents-batch+json";

    /** How a request carried its events. */
    public enum Mode { NONE, BINARY, STRUCTURED, BATCH }

    /** The events of one request, in the mode they came in; no events for {@link Mode#NONE}. */
    public record Incoming(Mode mode, List<CloudEvent> events) {
        public boolean isCloudEvent() {
            return mode != Mode.NONE;
        }
    }

    /** A structured or batch CloudEvents media type of any event format, JSON or not. */
    public static final Pattern CLOUDEVENTS_MEDIA_TYPE = Pattern.compile("application/cloudevents(-batch)?(\\+.*)?");

    // Binary mode: any required attribute's header marks a request as meant to be an event.
    private static final String[] MARKERS = {"ce-id", "ce-source", "ce-type", "ce-specversion"};

    private CloudEventReader() {
    }

    /**
     * The request's events.
     *
     * @throws HttpException 400 for an invalid event, 415 for a CloudEvents format other than JSON
     */
    public static Incoming read(Headers headers, byte[] body) {
        String contentType = headers.first("Content-Type");
        String essence = MediaType.essence(contentType);
        if (essence.equals(BATCH)) {
            return new Incoming(Mode.BATCH, batch(body));
        }
        if (CLOUDEVENTS_MEDIA_TYPE.matcher(essence).matches()) {
            if (!essence.equals(STRUCTURED)) {
                throw HttpException.unsupportedMediaType("Unsupported CloudEvents format " + essence
                        + ": send " + STRUCTURED + ", " + BATCH + " or binary mode");
            }
            return new Incoming(Mode.STRUCTURED,
                    List.of(structured(EventJson.read(body, "structured CloudEvent"), "")));
        }
        for (String marker : MARKERS) {
            if (headers.has(marker)) {
                return new Incoming(Mode.BINARY, List.of(binary(headers, body)));
            }
        }
        return new Incoming(Mode.NONE, List.of());
    }

    private static CloudEvent binary(Headers headers, byte[] body) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("ce-")) {
                String attribute = name.substring(3);
                String value = HeaderValues.decode(name, header.getValue());
                if (attributes.putIfAbsent(attribute, value) != null) {
                    throw AttributeRules.invalid("the " + name + " header is sent more than once");
                }
            }
        }
        EventAssembly event = EventAssembly.of(attributes.remove("specversion"));
        String declared = attributes.remove("datacontenttype");
        String contentType = headers.first("Content-Type");
        if (contentType != null && contentType.isBlank()) {
            contentType = null;
        }
        if (declared != null && contentType != null && !sameMediaType(declared, contentType)) {
            throw AttributeRules.invalid("the ce-datacontenttype header (" + declared
                    + ") conflicts with Content-Type (" + contentType + "); in binary mode Content-Type is the "
                    + "data's type");
        }
        if (contentType == null && declared != null
                && CLOUDEVENTS_MEDIA_TYPE.matcher(MediaType.essence(declared)).matches()) {
            // Binary mode sends the data's type as Content-Type, and a receiver takes a CloudEvents type there
            // for structured mode: such an event could never go out in binary mode as it came in.
            throw AttributeRules.invalid("the ce-datacontenttype header (" + declared + ") names a CloudEvents "
                    + "format, which binary mode cannot carry; send this event in structured mode");
        }
        attributes.forEach(event::put);
        String dataContentType = contentType != null ? contentType : declared;
        if (dataContentType != null) {
            event.put("datacontenttype", dataContentType);
        }
        if (body.length > 0) {
            event.data(BytesCloudEventData.wrap(body));
        }
        return event.build();
    }

    /** One event of the JSON format: an object whose members are attributes, plus data. */
    static CloudEvent structured(JsonNode node, String where) {
        try {
            return structured(node);
        } catch (HttpException e) {
            if (where.isEmpty()) {
                throw e;
            }
            throw HttpException.badRequest(e.getMessage() + where);
        }
    }

    private static CloudEvent structured(JsonNode node) {
        if (!node.isObject()) {
            throw AttributeRules.invalid("a structured event is a JSON object");
        }
        JsonNode specVersion = node.get("specversion");
        if (specVersion != null && !specVersion.isNull() && !specVersion.isTextual()) {
            throw AttributeRules.invalid("the attribute specversion must be a string");
        }
        EventAssembly event = EventAssembly.of(specVersion == null || specVersion.isNull() ? null : specVersion.asText());
        boolean v1 = event.specVersion().equals(EventAssembly.V1);
        JsonNode data = null;
        JsonNode dataBase64 = null;
        String encoding = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.equals("data")) {
                data = value;
            } else if (name.equals("data_base64") && v1) {
                dataBase64 = value.isNull() ? null : value;
            } else if (name.equals("specversion") || value.isNull()) {
                // The JSON format: an attribute whose value is null is absent.
                AttributeRules.checkName(name);
            } else if (name.equals("datacontentencoding") && !v1) {
                encoding = text(name, value);
            } else if (event.isContextAttribute(name)) {
                event.put(name, text(name, value));
            } else {
                event.put(name, extension(name, value));
            }
        }
        if (data != null && dataBase64 != null) {
            throw AttributeRules.invalid("an event has data or data_base64, not both");
        }
        if (dataBase64 != null) {
            event.data(new StructuredData.Base64(base64("data_base64", dataBase64)));
        } else if (data != null) {
            event.data(data(event, data, encoding));
        } else if (encoding != null) {
            checkEncoding(encoding);
        }
        return event.build();
    }

    private static StructuredData data(EventAssembly event, JsonNode data, String encoding) {
        if (encoding != null) {
            checkEncoding(encoding);
            return new StructuredData.Base64(base64("data", data));
        }
        if (data.isNull()) {
            return new StructuredData.Null();
        }
        if (data.isTextual() && !EventJson.isJson(event.get("datacontenttype"))) {
            return new StructuredData.Text(data.textValue());
        }
        return new StructuredData.Json(data);
    }

    private static void checkEncoding(String encoding) {
        if (!encoding.equalsIgnoreCase("base64")) {
            throw AttributeRules.invalid("datacontentencoding '" + encoding + "' is not supported (only base64)");
        }
    }

    private static byte[] base64(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw AttributeRules.invalid(name + " must be a base64 string");
        }
        try {
            return Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw AttributeRules.invalid(name + " is not valid base64");
        }
    }

    private static String text(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw AttributeRules.invalid("the attribute " + name + " must be a string");
        }
        return value.textValue();
    }

    /** Extension values in JSON: a string, a boolean, or an integer within the spec's 32-bit range. */
    private static Object extension(String name, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return value.intValue();
            }
            AttributeRules.checkName(name);
            throw AttributeRules.invalid("the extension " + name + " is a number that is not a 32-bit integer");
        }
        AttributeRules.checkName(name);
        throw AttributeRules.invalid("the extension " + name + " must be a string, an integer or a boolean");
    }

    private static List<CloudEvent> batch(byte[] body) {
        JsonNode array = EventJson.read(body, "CloudEvents batch");
        if (!array.isArray()) {
            throw HttpException.badRequest("Invalid CloudEvents batch: the body must be a JSON array of events");
        }
        List<CloudEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            events.add(structured(array.get(i), " (batch element " + i + ")"));
        }
        return events;
    }

    /** Same essence and same parameters, names and charset values compared without case. */
    static boolean sameMediaType(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    private static List<String> normalized(String mediaType) {
        List<String> parts = new ArrayList<>();
        for (String part : mediaType.split(";")) {
            String p = part.trim().toLowerCase(Locale.ROOT).replace("\"", "");
            int eq = p.indexOf('=');
            if (eq > 0) {
                p = p.substring(0, eq).trim() + "=" + p.substring(eq + 1).trim();
            }
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        if (!parts.isEmpty()) {
            List<String> params = new ArrayList<>(parts.subList(1, parts.size()));
            params.sort(null);
            parts = new ArrayList<>(parts.subList(0, 1));
            parts.addAll(params);
        }
        return parts;
    }
}
