package dev.fetchlet.function;

import dev.fetchlet.FormData;
import dev.fetchlet.HttpException;
import dev.fetchlet.Request;
import dev.fetchlet.internal.Json;
import dev.fetchlet.internal.MediaType;
import dev.fetchlet.internal.Text;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A request body an {@link HttpFunction} gets, read whole (within the body limit) before the call: read it as
 * often and in as many ways as needed.
 *
 * <pre>{@code
 * public Object handle(FunctionContext ctx, Body body) {
 *     if (body.isEmpty()) {
 *         return StructuredReturn.of(400, "send a JSON order");
 *     }
 *     Order order = body.json(Order.class);   // 400 for malformed JSON
 *     ...
 * }
 *
 * // in a unit test
 * Object answer = new Orders().handle(FunctionContext.of("POST", "http://localhost/"),
 *         Body.of("{\"item\":\"tea\"}", "application/json"));
 * }</pre>
 */
public final class Body {
    private static final Body EMPTY = new Body(new byte[0], null);

    private final byte[] bytes;
    private final String contentType;

    private Body(byte[] bytes, String contentType) {
        this.bytes = bytes;
        this.contentType = contentType;
    }

    /** No body, no content type. */
    public static Body empty() {
        return EMPTY;
    }

    /** {@code bytes} (copied) of the given content type, which may be null. */
    public static Body of(byte[] bytes, String contentType) {
        return new Body(Objects.requireNonNull(bytes, "bytes").clone(), contentType);
    }

    /** {@code text} in UTF-8 of the given content type, e.g. {@code application/json}. */
    public static Body of(String text, String contentType) {
        return new Body(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** Takes the array without copying: for hosts that just read it. */
    static Body wrap(byte[] bytes, String contentType) {
        return bytes.length == 0 && contentType == null ? EMPTY : new Body(bytes, contentType);
    }

    /** The {@code Content-Type} the body came with, or null. */
    public String contentType() {
        return contentType;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public int size() {
        return bytes.length;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public InputStream stream() {
        return new ByteArrayInputStream(bytes);
    }

    /**
     * The body as text, in the charset its content type names, UTF-8 otherwise.
     *
     * @throws HttpException 400 if the bytes are not valid in that charset (overlong UTF-8 forms included)
     */
    public String text() {
        return Text.decode(bytes, MediaType.charset(contentType));
    }

    /**
     * The body parsed as JSON into maps, lists, strings, numbers and booleans.
     *
     * @throws HttpException 400 for an empty or malformed body
     */
    public Object json() {
        return json(Object.class);
    }

    /**
     * The body parsed as JSON into {@code type}: a record, a bean, {@code Map.class}, ...
     *
     * @throws HttpException 400 for an empty or malformed body, invalid UTF-8, or one that does not fit
     *     {@code type} (the message names the field and what it expects)
     */
    public <T> T json(Class<T> type) {
        return Json.read(stream(), type);
    }

    /**
     * The body as form fields, from {@code application/x-www-form-urlencoded} or {@code multipart/form-data}.
     *
     * @throws HttpException 415 for another content type, 400 for a malformed body
     */
    public FormData form() {
        Request.Builder request = Request.builder("POST", "http://localhost/").body(bytes);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build().formData();
    }

    @Override
    public String toString() {
        return "Body{" + bytes.length + " bytes" + (contentType == null ? "" : ", " + contentType) + "}";
    }
}
