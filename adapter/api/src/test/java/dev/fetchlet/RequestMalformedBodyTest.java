package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies a client got wrong: bytes that are not valid in the declared charset, and streams that fail midway.
 * Each reader that interprets the body answers 400; {@link Request#bytes()} hands over what was sent.
 */
class RequestMalformedBodyTest {
    /** {"name":"\xc0\xaf"}: an overlong '/', which a lenient decoder turns into a real one. */
    private static final byte[] OVERLONG_JSON = HexFormat.of().parseHex("7b226e616d65223a22c0af227d");

    private static Request post(String contentType, byte[] body) {
        return Request.builder("POST", "http://localhost/api").header("Content-Type", contentType).body(body).build();
    }

    private static void assertBadRequest(Consumer<Request> read, Request request) {
        assertEquals(400, assertThrows(HttpException.class, () -> read.accept(request)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0af", "e080af", "eda080", "ff", "c3"})
    void invalidUtf8TextIsABadRequest(String hex) {
        byte[] body = HexFormat.of().parseHex(hex);
        assertBadRequest(Request::text, post("text/plain; charset=utf-8", body));
        assertBadRequest(Request::text, post("text/plain", body)); // UTF-8 by default
    }

    @Test
    void invalidUtf8JsonIsABadRequest() {
        assertBadRequest(Request::json, post("application/json", OVERLONG_JSON));
        assertBadRequest(r -> r.json(java.util.Map.class), post("application/json", OVERLONG_JSON));
    }

    @Test
    void bytesStayRaw() {
        assertArrayEquals(OVERLONG_JSON, post("application/json", OVERLONG_JSON).bytes());
    }

    @Test
    void latin1TextAcceptsEveryByte() {
        assertEquals("\u00c0\u00af", post("text/plain; charset=iso-8859-1", HexFormat.of().parseHex("c0af")).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"name=%C0%AF", "name=%ED%A0%80", "name=%FF", "%C3=x"})
    void invalidUtf8InAUrlEncodedFormIsABadRequest(String form) {
        assertBadRequest(Request::formData,
                post("application/x-www-form-urlencoded", form.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void invalidUtf8InAMultipartFieldIsABadRequest() {
        byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--b--\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xC0;
        body[head.length + 1] = (byte) 0xAF;
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);
        assertBadRequest(Request::formData, post("multipart/form-data; boundary=b", body));
    }

    @Test
    void anUploadedFileIsRawUnlessReadAsText() {
        FormData.FilePart part = new FormData.FilePart("f", "a.txt", "text/plain", HexFormat.of().parseHex("c0af"));
        assertArrayEquals(HexFormat.of().parseHex("c0af"), part.bytes());
        assertEquals(400, assertThrows(HttpException.class, part::text).status());
    }

    /** A body stream that fails after some bytes, as a connection does when it ends before its length. */
    private static Request failingMidway() {
        InputStream in = new InputStream() {
            private int left = 3;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return '{';
                }
                throw new IOException("Early EOF");
            }
        };
        return Request.builder("POST", "http://localhost/api").header("Content-Type", "application/json")
                .body(in).build();
    }

    @Test
    void aBodyThatCannotBeReadIsABadRequestForEveryReader() {
        assertBadRequest(Request::bytes, failingMidway());
        assertBadRequest(Request::text, failingMidway());
        assertBadRequest(Request::json, failingMidway());
        assertBadRequest(r -> r.json(java.util.Map.class), failingMidway());
        Request form = Request.builder("POST", "http://localhost/api")
                .header("Content-Type", "application/x-www-form-urlencoded").body(failingMidway().body()).build();
        assertBadRequest(Request::formData, form);
    }
}
