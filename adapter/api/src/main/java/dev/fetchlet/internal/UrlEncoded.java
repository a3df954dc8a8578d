package dev.fetchlet.internal;

import dev.fetchlet.HttpException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code application/x-www-form-urlencoded} text: query strings and form bodies. */
public final class UrlEncoded {
    private UrlEncoded() {
    }

    /** Name to values, in order of first appearance. Malformed escapes answer 400. */
    public static Map<String, List<String>> parse(String text, Charset charset) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        int start = 0;
        while (start <= text.length()) {
            int amp = text.indexOf('&', start);
            int end = amp < 0 ? text.length() : amp;
            if (end > start) {
                String pair = text.substring(start, end);
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
                values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return values;
    }

    /**
     * Decodes {@code +} and {@code %XX} escapes; the bytes the escapes spell must be valid in {@code charset}
     * ({@code %C0%AF}, an overlong {@code /}, is a 400 rather than a character the client did not send).
     */
    private static String decode(String s, Charset charset) {
        if (s.indexOf('%') < 0) {
            return s.indexOf('+') < 0 ? s : s.replace('+', ' ');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                int high = i + 2 < s.length() ? Hex.digit(s.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : Hex.digit(s.charAt(i + 2));
                if (low < 0) {
                    throw HttpException.badRequest("Malformed percent-encoding in form data");
                }
                bytes.write(high << 4 | low);
                i += 3;
                continue;
            }
            // A run of unescaped characters goes back to bytes in the same charset, to join the escaped ones.
            int end = i;
            while (end < s.length() && s.charAt(end) != '%') {
                end++;
            }
            bytes.writeBytes(s.substring(i, end).replace('+', ' ').getBytes(charset));
            i = end;
        }
        byte[] decoded = bytes.toByteArray();
        try {
            return Text.decode(decoded, charset);
        } catch (HttpException e) {
            throw HttpException.badRequest("Form data or query string is not valid " + charset.name() + " once decoded");
        }
    }
}
