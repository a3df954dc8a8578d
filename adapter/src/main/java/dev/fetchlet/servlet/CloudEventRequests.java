package dev.fetchlet.servlet;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchlet.Headers;
import dev.fetchlet.HttpException;
import dev.fetchlet.internal.Json;
import dev.fetchlet.internal.MediaType;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the CloudEvents a request carries: binary mode ({@code ce-*} headers, the body is the data), structured
 * mode ({@code application/cloudevents+json}) and batch mode ({@code application/cloudevents-batch+json}, which
 * the SDK does not read: the array is split here and each element read as a structured event). Whatever is
 * wrong with an event is the client's fault and answers 400 with the reason.
 */
final class CloudEventRequests {
    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    /** How the request carried its events. */
    enum Mode { NONE, BINARY, STRUCTURED, BATCH }

    /** The events of one request; empty for {@link Mode#NONE}. */
    record Incoming(Mode mode, List<CloudEvent> events) {
        boolean isCloudEvent() {
            return mode != Mode.NONE;
        }
    }

    // Binary mode: any of the required attributes' headers marks the request as meant to be an event.
    private static final String[] REQUIRED = {"id", "source", "type", "specversion"};
    private static final JsonFormat FORMAT = new JsonFormat();

    private CloudEventRequests() {
    }

    static Incoming read(Headers headers, byte[] body) {
        String contentType = headers.get("Content-Type");
        String essence = MediaType.essence(contentType);
        if (essence.equals(BATCH)) {
            return new Incoming(Mode.BATCH, batch(body));
        }
        if (essence.startsWith("application/cloudevents")) {
            if (!essence.equals(STRUCTURED)) {
                throw HttpException.unsupportedMediaType("Unsupported CloudEvents format " + essence
                        + ": send " + STRUCTURED + ", " + BATCH + " or binary mode");
            }
            return new Incoming(Mode.STRUCTURED, List.of(structured(body, "")));
        }
        for (String attribute : REQUIRED) {
            if (headers.has("ce-" + attribute)) {
                return new Incoming(Mode.BINARY, List.of(binary(headers, body)));
            }
        }
        return new Incoming(Mode.NONE, List.of());
    }

    private static CloudEvent binary(Headers headers, byte[] body) {
        List<String> missing = new ArrayList<>();
        for (String attribute : REQUIRED) {
            String value = headers.get("ce-" + attribute);
            if (value == null || value.isBlank()) {
                missing.add(attribute);
            }
        }
        if (!missing.isEmpty()) {
            throw HttpException.badRequest("Invalid CloudEvent: missing required attribute(s) "
                    + String.join(", ", missing) + " (binary mode sends each as a ce-<name> header)");
        }
        // The SDK matches header names as given; HTTP header names are case-insensitive.
        Map<String, String> lowerCased = new TreeMap<>();
        headers.forEach((name, value) -> lowerCased.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b));
        try {
            return HttpMessageFactory.createReader(lowerCased, body).toEvent();
        } catch (CloudEventRWException e) {
            if (e.getKind() == CloudEventRWException.CloudEventRWExceptionKind.INVALID_SPEC_VERSION) {
                throw HttpException.badRequest("Invalid CloudEvent: unknown spec version '"
                        + headers.get("ce-specversion") + "' (1.0 and 0.3 are supported)");
            }
            throw HttpException.badRequest("Invalid CloudEvent: " + e.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw HttpException.badRequest("Invalid CloudEvent: " + e.getMessage());
        }
    }

    private static CloudEvent structured(byte[] body, String which) {
        if (body.length == 0) {
            throw HttpException.badRequest("Invalid structured CloudEvent" + which + ": the body is empty");
        }
        try {
            return FORMAT.deserialize(body);
        } catch (EventDeserializationException | CloudEventRWException | IllegalStateException e) {
            throw HttpException.badRequest("Invalid structured CloudEvent" + which + ": " + reason(e));
        }
    }

    private static List<CloudEvent> batch(byte[] body) {
        JsonNode array;
        try {
            array = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw HttpException.badRequest("Invalid CloudEvents batch: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (array == null || !array.isArray()) {
            throw HttpException.badRequest("Invalid CloudEvents batch: the body must be a JSON array of events");
        }
        List<CloudEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isObject()) {
                throw HttpException.badRequest("Invalid CloudEvents batch: element " + i + " is not an object");
            }
            events.add(structured(Json.write(element), " (batch element " + i + ")"));
        }
        return events;
    }

    // The SDK wraps Jackson's message, whose location suffix means nothing to a client.
    private static String reason(Throwable e) {
        Throwable cur = e;
        while (cur.getCause() != null && cur.getCause() != cur) {
            cur = cur.getCause();
        }
        if (cur instanceof JacksonException je) {
            return je.getOriginalMessage();
        }
        return cur.getMessage();
    }
}
