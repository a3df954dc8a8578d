package dev.fetchlet.internal;

import dev.fetchlet.HttpException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} text: query strings and form bodies.
 *
 * <pre>{@code
 * UrlEncoded.parse("q=caf%C3%A9&tag=a&tag=b+c", UTF_8); // {q=[café], tag=[a, b c]}
 * }</pre>
 *
 * <p>{@code +} is a space; {@code %} must be followed by two hex digits, or the text is refused with 400. The
 * escaped bytes are decoded in {@code charset}; bytes that are not valid there (invalid UTF-8, overlong forms
 * included) become U+FFFD, one per malformed sequence, as a browser's form decoding does. Characters that are
 * not escaped are kept as they are.
 */
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
     * Decodes one name or value. Not {@code URLDecoder}: it reads the two characters after {@code %} with
     * {@code Integer.parseInt}, which takes a sign, so {@code %+1} and {@code %-0} slipped through as bytes.
     */
    static String decode(String s, Charset charset) {
        if (s.indexOf('%') < 0) {
            return s.replace('+', ' ');
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int high = i + 2 < s.length() ? Hex.digit(s.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : Hex.digit(s.charAt(i + 2));
                if (low < 0) {
                    throw HttpException.badRequest("Malformed percent-encoding in form data");
                }
                bytes.write(high << 4 | low);
                i += 2;
                continue;
            }
            flush(bytes, charset, out);
            out.append(c == '+' ? ' ' : c);
        }
        flush(bytes, charset, out);
        return out.toString();
    }

    /** Appends a run of escaped bytes, decoded; malformed sequences become U+FFFD. */
    private static void flush(ByteArrayOutputStream bytes, Charset charset, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), charset));
            bytes.reset();
        }
    }
}
