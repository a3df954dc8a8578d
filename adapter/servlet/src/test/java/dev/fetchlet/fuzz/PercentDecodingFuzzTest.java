package dev.fetchlet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fetchlet.HttpException;
import dev.fetchlet.internal.UrlEncoded;
import dev.fetchlet.routing.BadPathException;
import dev.fetchlet.routing.RouteMatch;
import dev.fetchlet.routing.RouteTable;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Percent-decoding of paths (through the router, which decodes route params) and of query strings and forms
 * ({@code UrlEncoded}), each checked against a plain reference decoder built on the JDK's UTF-8 decoder:
 * <ul>
 *   <li>a path with a bad escape, invalid UTF-8 (overlong forms, surrogates included), a NUL, an encoded or
 *       literal backslash, an encoded slash, or a dot segment is refused with {@link BadPathException};
 *       anything else decodes as the reference does;</li>
 *   <li>a query with a bad escape or invalid UTF-8 once decoded is refused with 400;</li>
 *   <li>encoding any text and decoding it again gives the text back, for paths and for queries.</li>
 * </ul>
 */
class PercentDecodingFuzzTest {
    private static final RouteTable<String> ONE_SEGMENT = RouteTable.<String>builder()
            .add("/p/[id]", "id", "PercentDecodingFuzzTest")
            .build();

    @FuzzTest(maxDuration = "15s")
    void decodingRefusesOrReplacesAsDocumentedAndRoundTrips(FuzzedDataProvider data) {
        String raw = data.consumeString(48);
        String text = data.consumeRemainingAsString();

        pathSegmentDecodesLikeTheReference(raw.replace("/", "%2F"));
        queryDecodesLikeTheReference(raw);
        if (isWellFormed(text)) {
            encodedPathSegmentRoundTrips(text);
            encodedQueryRoundTrips(text);
        }
    }

    private static void pathSegmentDecodesLikeTheReference(String segment) {
        String expected = referencePathSegment(segment);
        if (expected == null) {
            assertThrows(BadPathException.class, () -> ONE_SEGMENT.match("/p/" + segment), segment);
            return;
        }
        RouteMatch<String> match = ONE_SEGMENT.match("/p/" + segment);
        if (segment.isEmpty()) {
            assertNull(match, "an empty segment matches nothing");
            return;
        }
        assertNotNull(match, segment);
        assertEquals(expected, match.params().get("id"), segment);
    }

    private static void queryDecodesLikeTheReference(String query) {
        Map<String, List<String>> expected = referenceQuery(query);
        if (expected == null) {
            HttpException e = assertThrows(HttpException.class,
                    () -> UrlEncoded.parse(query, StandardCharsets.UTF_8), query);
            assertEquals(400, e.status());
            return;
        }
        assertEquals(expected, UrlEncoded.parse(query, StandardCharsets.UTF_8), query);
    }

    private static void encodedPathSegmentRoundTrips(String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        boolean refused = text.isEmpty() || text.equals(".") || text.equals("..")
                || text.startsWith(".;") || text.startsWith("..;")
                || text.indexOf('/') >= 0 || text.indexOf('\\') >= 0 || text.indexOf('\0') >= 0;
        if (refused) {
            return; // refused or unmatched by design, checked against the reference above
        }
        RouteMatch<String> match = ONE_SEGMENT.match("/p/" + encoded);
        assertNotNull(match, encoded);
        assertEquals(text, match.params().get("id"), encoded);
    }

    private static void encodedQueryRoundTrips(String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
        // As a name and as a value, in two queries: one query holding both would merge them when text is "x".
        assertEquals(Map.of(text, List.of(text)), UrlEncoded.parse(encoded + "=" + encoded, StandardCharsets.UTF_8),
                encoded);
        assertEquals(List.of(text), UrlEncoded.parse("x=" + encoded, StandardCharsets.UTF_8).get("x"), encoded);
    }

    /** A path segment decoded as the router documents; null where it must be refused. */
    private static String referencePathSegment(String segment) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                int b = escaped(segment, i);
                if (b < 0 || b == '/' || b == '\\') {
                    return null;
                }
                run.write(b);
                i += 2;
                continue;
            }
            if (!flushStrict(run, out) || c == '\\') {
                return null;
            }
            out.append(c);
        }
        if (!flushStrict(run, out)) {
            return null;
        }
        String decoded = out.toString();
        boolean dots = decoded.equals(".") || decoded.equals("..");
        // ".;x" and "..;x": a server that strips path parameters would read them as dot segments.
        boolean dotsWithParameter = decoded.startsWith(".;") || decoded.startsWith("..;");
        return dots || dotsWithParameter || decoded.indexOf('\0') >= 0 ? null : decoded;
    }

    /** A query decoded as {@code UrlEncoded} documents; null where it must be refused. */
    private static Map<String, List<String>> referenceQuery(String query) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = referenceFormComponent(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : referenceFormComponent(pair.substring(eq + 1));
            if (name == null || value == null) {
                return null;
            }
            values.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
        }
        return values;
    }

    /**
     * '+' is a space; the escapes and the characters around them spell UTF-8 bytes, which must decode strictly;
     * null for a bad escape or invalid UTF-8.
     */
    private static String referenceFormComponent(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int b = escaped(s, i);
                if (b < 0) {
                    return null;
                }
                bytes.write(b);
                i += 2;
                continue;
            }
            int end = i;
            while (end < s.length() && s.charAt(end) != '%') {
                end++;
            }
            bytes.writeBytes(s.substring(i, end).replace('+', ' ').getBytes(StandardCharsets.UTF_8));
            i = end - 1;
        }
        StringBuilder out = new StringBuilder();
        return flushStrict(bytes, out) ? out.toString() : null;
    }

    /** The byte of the escape at {@code i}; -1 unless two hex digits follow the '%'. */
    private static int escaped(String s, int i) {
        if (i + 2 >= s.length()) {
            return -1;
        }
        int high = hexDigit(s.charAt(i + 1));
        int low = hexDigit(s.charAt(i + 2));
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** Appends the bytes gathered so far, strictly decoded; false if they are not UTF-8. */
    private static boolean flushStrict(ByteArrayOutputStream run, StringBuilder out) {
        if (run.size() == 0) {
            return true;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(run.toByteArray())));
        } catch (CharacterCodingException e) {
            return false;
        }
        run.reset();
        return true;
    }

    /** Whether {@code s} has no unpaired surrogate, so that it has a UTF-8 form to round-trip through. */
    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
