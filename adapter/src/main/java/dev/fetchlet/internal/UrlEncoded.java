package dev.fetchlet.internal;

import dev.fetchlet.HttpException;
import java.net.URLDecoder;
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

    private static String decode(String s, Charset charset) {
        try {
            return URLDecoder.decode(s, charset);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Malformed percent-encoding in form data");
        }
    }
}
