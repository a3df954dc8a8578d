package dev.fetchlet.function.internal;

import dev.fetchlet.Response;
import dev.fetchlet.cloudevent.CloudEventReader.Mode;
import dev.fetchlet.cloudevent.CloudEventWriter;
import dev.fetchlet.function.StructuredReturn;
import dev.fetchlet.internal.Json;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns what a function returned into a Fetch {@link Response}: {@code null} is 204, a {@code String} 200
 * {@code text/plain}, a {@code byte[]} 200 octets, a {@link StructuredReturn} its own status, headers and body,
 * a {@code CloudEvent} the event (in binary mode for a binary or structured CloudEvent request, as faas-js-runtime
 * answers, and structured for a plain request; batches are answered by the batch path), a
 * {@code Response} itself, anything else 200 JSON.
 */
final class FunctionReturns {
    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String OCTETS = "application/octet-stream";

    private FunctionReturns() {
    }

    static Response map(Object result, Mode requestMode) {
        if (result == null) {
            return Response.empty(204);
        }
        if (result instanceof Response response) {
            return response;
        }
        if (result instanceof String text) {
            return Response.bytes(text.getBytes(StandardCharsets.UTF_8), TEXT);
        }
        if (result instanceof byte[] bytes) {
            return Response.bytes(bytes, OCTETS);
        }
        if (result instanceof StructuredReturn structured) {
            return structured(structured);
        }
        if (result instanceof CloudEvent event) {
            return requestMode == Mode.NONE ? CloudEventWriter.structured(event) : CloudEventWriter.binary(event);
        }
        return Response.bytes(Json.write(result), "application/json");
    }

    private static Response structured(StructuredReturn r) {
        String declared = null;
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                declared = h.getValue();
            }
        }
        Object body = r.body();
        Response response;
        if (body == null) {
            response = Response.empty(r.statusCode());
        } else if (body instanceof String text) {
            // Text stays text unless the function names another type: the peer sent strings as JSON.
            response = Response.bytes(text.getBytes(StandardCharsets.UTF_8), declared != null ? declared : TEXT);
        } else if (body instanceof byte[] bytes) {
            response = Response.bytes(bytes, declared != null ? declared : OCTETS);
        } else {
            response = Response.bytes(Json.write(body), declared != null ? declared : "application/json");
        }
        response.status(r.statusCode());
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            if (h.getValue() != null) {
                response.header(h.getKey(), h.getValue());
            }
        }
        return response;
    }
}
