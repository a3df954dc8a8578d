package dev.fetchlet.function;

import dev.fetchlet.internal.Json;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Builds the CloudEvent a function answers with, over the SDK's {@link CloudEventBuilder}: the id (a random
 * UUID), the time (now) and the spec version (1.0) are filled in, and data may be any object.
 *
 * <pre>{@code
 * CloudEvent reply = CloudEventResponse.builder()
 *         .source("/greeter")
 *         .type("dev.example.greeting")
 *         .subject(customerId)
 *         .data(Map.of("message", "Hello, Tiger"))   // application/json
 *         .build();
 * }</pre>
 */
public final class CloudEventResponse {
    private final CloudEventBuilder builder = CloudEventBuilder.v1()
            .withId(UUID.randomUUID().toString())
            .withTime(OffsetDateTime.now(ZoneOffset.UTC));
    private boolean hasSource;
    private boolean hasType;

    private CloudEventResponse() {
    }

    public static CloudEventResponse builder() {
        return new CloudEventResponse();
    }

    /** Replaces the generated id. */
    public CloudEventResponse id(String id) {
        builder.withId(id);
        return this;
    }

    /** The event's source, a URI reference such as {@code /greeter} or {@code urn:example:greeter}. */
    public CloudEventResponse source(String source) {
        builder.withSource(URI.create(source));
        hasSource = true;
        return this;
    }

    /** The event's type, such as {@code dev.example.greeting}. */
    public CloudEventResponse type(String type) {
        builder.withType(type);
        hasType = true;
        return this;
    }

    public CloudEventResponse subject(String subject) {
        builder.withSubject(subject);
        return this;
    }

    public CloudEventResponse time(OffsetDateTime time) {
        builder.withTime(time);
        return this;
    }

    public CloudEventResponse dataSchema(String uri) {
        builder.withDataSchema(URI.create(uri));
        return this;
    }

    /** An extension attribute; the name is lower-case letters and digits, as the spec requires. */
    public CloudEventResponse extension(String name, String value) {
        builder.withExtension(name, value);
        return this;
    }

    /**
     * The data: a {@code String} ({@code text/plain}), a {@code byte[]} ({@code application/octet-stream}),
     * {@code null} (none), or any other object as JSON ({@code application/json}).
     */
    public CloudEventResponse data(Object data) {
        if (data == null) {
            builder.withoutData().withoutDataContentType();
        } else if (data instanceof String s) {
            builder.withData("text/plain; charset=utf-8", s.getBytes(StandardCharsets.UTF_8));
        } else if (data instanceof byte[] b) {
            builder.withData("application/octet-stream", b.clone());
        } else {
            builder.withData("application/json", Json.write(data));
        }
        return this;
    }

    /** Data already encoded in {@code contentType}. */
    public CloudEventResponse data(String contentType, byte[] data) {
        builder.withData(contentType, data.clone());
        return this;
    }

    /**
     * The event.
     *
     * @throws IllegalStateException if the source or type is missing
     */
    public CloudEvent build() {
        if (!hasSource || !hasType) {
            throw new IllegalStateException("A CloudEvent needs a source and a type: call source(...) and type(...)");
        }
        return builder.build();
    }
}
