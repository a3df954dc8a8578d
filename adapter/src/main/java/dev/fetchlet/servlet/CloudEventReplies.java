package dev.fetchlet.servlet;

import dev.fetchlet.Response;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the CloudEvents a function answers with, in binary, structured or batch mode. */
final class CloudEventReplies {
    private static final JsonFormat FORMAT = new JsonFormat();

    private CloudEventReplies() {
    }

    /** The event as {@code ce-*} headers, with its data as the body in its {@code datacontenttype}. */
    static Response binary(CloudEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        byte[][] body = {new byte[0]};
        HttpMessageFactory.createWriter(headers::put, bytes -> body[0] = bytes).writeBinary(event);
        String contentType = null;
        Response response = Response.bytes(body[0], "application/octet-stream");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = h.getValue();
            } else {
                response.header(h.getKey(), h.getValue());
            }
        }
        if (contentType != null) {
            response.header("Content-Type", contentType);
        } else {
            response.headers().delete("Content-Type");
        }
        return response;
    }

    /** The event as one {@code application/cloudevents+json} document. */
    static Response structured(CloudEvent event) {
        return Response.bytes(FORMAT.serialize(event), CloudEventRequests.STRUCTURED);
    }

    /** The events as an {@code application/cloudevents-batch+json} array. */
    static Response batch(List<CloudEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(FORMAT.serialize(events.get(i)));
        }
        out.write(']');
        return Response.bytes(out.toByteArray(), CloudEventRequests.BATCH);
    }
}
