package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Request#formData()}: url-encoded and multipart bodies, and the content types it refuses. */
class RequestFormDataTest {
    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    private static Request post(String contentType, byte[] body) {
        Request.Builder b = Request.builder("POST", "http://localhost/upload").body(body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.build();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void urlEncodedFieldsAreDecodedAndRepeatable() {
        FormData form = post("application/x-www-form-urlencoded",
                ascii("title=Hello+World&tag=a&tag=b&note=caf%C3%A9&empty=")).formData();
        assertEquals("Hello World", form.get("title"));
        assertEquals(List.of("a", "b"), form.getAll("tag"));
        assertEquals("café", form.get("note"));
        assertEquals("", form.get("empty"));
        assertNull(form.get("missing"));
        assertEquals(List.of(), form.getAll("missing"));
        assertNull(form.file("title"));
        assertEquals(List.of("title", "tag", "note", "empty"), List.copyOf(form.names()));
    }

    @Test
    void urlEncodedHonoursTheDeclaredCharset() {
        FormData form = post("application/x-www-form-urlencoded; charset=ISO-8859-1", ascii("n=caf%E9")).formData();
        assertEquals("café", form.get("n"));
    }

    @Test
    void urlEncodedWithMalformedEscapeIsABadRequest() {
        HttpException e = assertThrows(HttpException.class,
                () -> post("application/x-www-form-urlencoded", ascii("a=%G1")).formData());
        assertEquals(400, e.status());
    }

    @Test
    void multipartFieldsAndAFile() {
        byte[] fileBytes = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, (byte) 0xFF};
        byte[] body = concat(ascii("--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
                        + "My picture\r\n"
                        + "--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"photo\"; filename=\"cat.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n"),
                fileBytes,
                ascii("\r\n--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
                        + "Second\r\n"
                        + "--" + BOUNDARY + "--\r\n"));
        FormData form = post("multipart/form-data; boundary=" + BOUNDARY, body).formData();

        assertEquals("My picture", form.get("title"));
        assertEquals(List.of("My picture", "Second"), form.getAll("title"));
        FormData.FilePart photo = form.file("photo");
        assertEquals("photo", photo.name());
        assertEquals("cat.png", photo.filename());
        assertEquals("image/png", photo.contentType());
        assertArrayEquals(fileBytes, photo.bytes());
        assertEquals(fileBytes.length, photo.size());
        assertEquals(1, form.files("photo").size());
        assertNull(form.get("photo"), "a file is not a text field");
        assertEquals(List.of("title", "photo"), List.copyOf(form.names()));
    }

    @Test
    void fileWithoutContentTypeIsOctetStream() {
        byte[] body = ascii("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nhi\r\n--b--");
        FormData.FilePart f = post("multipart/form-data; boundary=b", body).formData().file("f");
        assertEquals("application/octet-stream", f.contentType());
        assertEquals("hi", f.text());
    }

    @Test
    void utf8FieldValuesAndFileNames() {
        byte[] body = concat(ascii("--b\r\nContent-Disposition: form-data; name=\"city\"\r\n\r\n"),
                "Zürich 東京".getBytes(StandardCharsets.UTF_8),
                ascii("\r\n--b\r\nContent-Disposition: form-data; name=\"doc\"; filename=\""),
                "résumé.txt".getBytes(StandardCharsets.UTF_8),
                ascii("\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n"));
        FormData form = post("multipart/form-data; boundary=b", body).formData();
        assertEquals("Zürich 東京", form.get("city"));
        assertEquals("résumé.txt", form.file("doc").filename());
    }

    @Test
    void quotedBoundaryWithSpecialCharacters() {
        String boundary = "simple boundary=:'()+_,-./?";
        byte[] body = ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                + "--" + boundary + "--");
        FormData form = post("multipart/form-data; boundary=\"" + boundary + "\"", body).formData();
        assertEquals("1", form.get("a"));
    }

    @Test
    void quotedFileNameMayContainSemicolonsAndEscapedQuotes() {
        byte[] body = ascii("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a;b \\\"c\\\".txt\"\r\n"
                + "\r\nx\r\n--b--");
        FormData.FilePart f = post("multipart/form-data; boundary=b", body).formData().file("f");
        assertEquals("a;b \"c\".txt", f.filename());
    }

    @Test
    void preambleAndEpilogueAreIgnoredAndAnEmptyValueIsKept() {
        byte[] body = ascii("This is the preamble.\r\n--b\r\nContent-Disposition: form-data; name=\"e\"\r\n\r\n\r\n"
                + "--b--\r\nThis is the epilogue.");
        FormData form = post("multipart/form-data; boundary=b", body).formData();
        assertEquals("", form.get("e"));
    }

    @Test
    void closingDelimiterAloneGivesEmptyForm() {
        FormData form = post("multipart/form-data; boundary=b", ascii("--b--\r\n")).formData();
        assertTrue(form.names().isEmpty());
    }

    @Test
    void partWithoutHeadersIsABadRequest() {
        // RFC 7578 requires Content-Disposition on every part: without it the field has no name.
        byte[] body = ascii("--b\r\n\r\norphan\r\n--b--");
        HttpException e = assertThrows(HttpException.class,
                () -> post("multipart/form-data; boundary=b", body).formData());
        assertEquals(400, e.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "no boundary at all",
        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
        "--b\r\nContent-Disposition: form-data; name=\"a\"",
        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b",
        "--bgarbage\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--",
        "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--b--",
        "--b\r\nContent-Disposition: form-data\r\n\r\n1\r\n--b--",
        "--b\r\nContent-Type: text/plain\r\n\r\n1\r\n--b--",
        "--b",
        "",
    })
    void malformedMultipartIsABadRequest(String body) {
        HttpException e = assertThrows(HttpException.class,
                () -> post("multipart/form-data; boundary=b", ascii(body)).formData());
        assertEquals(400, e.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
        "multipart/form-data; charset=utf-8"})
    void missingBoundaryIsABadRequest(String contentType) {
        HttpException e = assertThrows(HttpException.class,
                () -> post(contentType, ascii("--b\r\n\r\n--b--")).formData());
        assertEquals(400, e.status());
    }

    @Test
    void boundaryLongerThanSeventyIsABadRequest() {
        String b = "x".repeat(71);
        HttpException e = assertThrows(HttpException.class,
                () -> post("multipart/form-data; boundary=" + b, ascii("--" + b + "--")).formData());
        assertEquals(400, e.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "multipart/mixed; boundary=b"})
    void otherContentTypesAreUnsupportedAndLeaveTheBodyUnread(String contentType) {
        Request r = post(contentType, ascii("{}"));
        HttpException e = assertThrows(HttpException.class, r::formData);
        assertEquals(415, e.status());
        assertFalse(r.bodyUsed());
    }

    @Test
    void missingContentTypeIsUnsupported() {
        assertEquals(415, assertThrows(HttpException.class, () -> post(null, ascii("a=1")).formData()).status());
    }

    @Test
    void contentTypeEssenceIsCaseInsensitive() {
        FormData form = post("Application/X-WWW-Form-URLEncoded", ascii("a=1")).formData();
        assertEquals("1", form.get("a"));
    }
}
