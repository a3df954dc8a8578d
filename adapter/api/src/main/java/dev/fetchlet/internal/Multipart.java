package dev.fetchlet.internal;

import dev.fetchlet.FormData;
import dev.fetchlet.HttpException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses a {@code multipart/form-data} body (RFC 7578). The body has already passed the size limit, so it is
 * parsed from memory: simpler and safe, since the limit bounds it. Malformed bodies answer 400.
 */
public final class Multipart {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private Multipart() {
    }

    public static FormData parse(byte[] body, String boundary, Charset fieldCharset) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw HttpException.badRequest("multipart/form-data without a valid boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        FormData.Builder form = FormData.builder();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw HttpException.badRequest("multipart body has no opening boundary");
        }
        pos += delimiter.length;
        while (true) {
            if (startsWith(body, pos, new byte[] {'-', '-'})) {
                return form.build(); // closing delimiter
            }
            pos = skipLinearWhitespace(body, pos);
            if (!startsWith(body, pos, CRLF)) {
                throw HttpException.badRequest("malformed multipart boundary line");
            }
            pos += 2;
            int headerEnd = indexOf(body, HEADER_END, pos);
            String headers;
            int contentStart;
            if (startsWith(body, pos, CRLF)) { // a part with no headers at all
                headers = "";
                contentStart = pos + 2;
            } else if (headerEnd < 0) {
                throw HttpException.badRequest("multipart part headers are not terminated");
            } else {
                headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
                contentStart = headerEnd + 4;
            }
            byte[] next = concat(CRLF, delimiter);
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                throw HttpException.badRequest("multipart body is not terminated by its boundary");
            }
            addPart(form, headers, Arrays.copyOfRange(body, contentStart, contentEnd), fieldCharset);
            pos = contentEnd + next.length;
        }
    }

    private static void addPart(FormData.Builder form, String headers, byte[] content, Charset fieldCharset) {
        String disposition = null;
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                contentType = value;
            }
        }
        if (disposition == null || !MediaType.essence(disposition).equals("form-data")) {
            throw HttpException.badRequest("multipart part without Content-Disposition: form-data");
        }
        String fieldName = MediaType.parameter(disposition, "name");
        if (fieldName == null) {
            throw HttpException.badRequest("multipart part without a field name");
        }
        String filename = MediaType.parameter(disposition, "filename");
        if (filename != null) {
            String type = contentType == null ? "application/octet-stream" : contentType;
            form.file(new FormData.FilePart(fieldName, filename, type, content));
        } else {
            Charset cs = contentType == null ? fieldCharset : MediaType.charset(contentType);
            form.field(fieldName, Text.decode(content, cs));
        }
    }

    private static int skipLinearWhitespace(byte[] body, int pos) {
        while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
            pos++;
        }
        return pos;
    }

    private static boolean startsWith(byte[] body, int pos, byte[] prefix) {
        if (pos + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
