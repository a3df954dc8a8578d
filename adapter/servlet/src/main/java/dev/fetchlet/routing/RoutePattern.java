package dev.fetchlet.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A route pattern in the file-path syntax, parsed and normalized.
 *
 * <pre>{@code
 * RoutePattern p = RoutePattern.parse("/express/[[default]]");
 * p.pattern();      // "/express/[[default]]"
 * p.isCatchAll();   // true
 * p.staticPrefix(); // "/express"
 * p.catchAllName(); // "default"
 * RoutePattern.parse("api/visit/index").pattern(); // "/api/visit"
 * RoutePattern.parse("/index/index").pattern();    // "/index/index": the folder named index, served at /index
 * }</pre>
 *
 * <h2>Syntax</h2>
 * Segments are separated by {@code /}; the leading slash is optional and one trailing slash is ignored.
 * <ul>
 *   <li>{@code list}: a static segment, matched exactly and case-sensitively against the percent-decoded path
 *       segment. It is written decoded ({@code café}, not {@code caf%C3%A9}) and may not contain
 *       {@code % \ ? # [ ]} or control characters, nor be {@code .} or {@code ..}.</li>
 *   <li>{@code index} as the last segment stands for the folder itself and is dropped: {@code /api/visit/index}
 *       is the route {@code /api/visit}, {@code /index} is {@code /}.</li>
 *   <li>{@code [id]}: exactly one non-empty segment.</li>
 *   <li>{@code [[rest]]}: one or more segments; only as the last segment.</li>
 * </ul>
 * A parameter name is one or more of {@code A-Z a-z 0-9 _ $ -}: the characters of a Java or JavaScript
 * identifier plus the dash that file names often use. Brackets must span a whole segment ({@code a[id]} is
 * rejected), a name may appear only once per pattern, and empty segments ({@code /a//b}) are rejected.
 *
 * <p>Instances are immutable.
 */
public final class RoutePattern {
    private final String pattern;
    private final List<Segment> segments;
    private final List<String> paramNames;

    private RoutePattern(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        this.pattern = join(segments, Segment::source) + (endsWithIndex(segments) ? "/index" : "");
        List<String> names = new ArrayList<>();
        for (Segment s : segments) {
            if (s.role() != Segment.Role.STATIC) {
                names.add(s.text());
            }
        }
        this.paramNames = Collections.unmodifiableList(names);
    }

    /**
     * Parses and normalizes a pattern.
     *
     * @throws InvalidRouteException if the pattern is malformed; the message quotes the pattern and says why
     */
    public static RoutePattern parse(String pattern) throws InvalidRouteException {
        Objects.requireNonNull(pattern, "pattern");
        String body = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
            if (body.isEmpty()) {
                throw invalid(pattern, "empty segment");
            }
        }
        List<Segment> segments = new ArrayList<>();
        if (!body.isEmpty()) {
            String[] parts = body.split("/", -1);
            for (int i = 0; i < parts.length; i++) {
                segments.add(parseSegment(pattern, parts[i], i == parts.length - 1));
            }
        }
        dropTrailingIndex(segments);
        rejectRepeatedNames(pattern, segments);
        return new RoutePattern(segments);
    }

    /**
     * The normalized pattern: leading slash, no trailing slash or {@code index}, e.g. {@code /api/users/[id]}; it
     * parses back to this pattern. The one exception to "no trailing index": a route whose last segment is a
     * folder named {@code index} ({@code /index/index}, served at {@code /index}) keeps the dropped
     * {@code /index}, since {@code /index} alone would parse as {@code /}.
     */
    public String pattern() {
        return pattern;
    }

    /** Whether the last segment is a {@code [[x]]} catch-all. */
    public boolean isCatchAll() {
        return !segments.isEmpty() && segments.get(segments.size() - 1).role() == Segment.Role.CATCH_ALL;
    }

    /**
     * The leading static segments as a path: {@code /express} for {@code /express/[[default]]}, {@code /api} for
     * {@code /api/[id]/[[rest]]}, the whole pattern for a fully static one, and {@code ""} when the first segment
     * is dynamic or the pattern is the root.
     */
    public String staticPrefix() {
        StringBuilder prefix = new StringBuilder();
        for (Segment s : segments) {
            if (s.role() != Segment.Role.STATIC) {
                break;
            }
            prefix.append('/').append(s.text());
        }
        return prefix.toString();
    }

    /** The name of the catch-all, {@code default} for {@code /express/[[default]]}; null if there is none. */
    public String catchAllName() {
        return isCatchAll() ? segments.get(segments.size() - 1).text() : null;
    }

    /** The names of all dynamic segments in order, the catch-all included: {@code [id, rest]}. */
    public List<String> paramNames() {
        return paramNames;
    }

    List<Segment> segments() {
        return segments;
    }

    /** The pattern with parameter names erased: {@code /a/[x]} and {@code /a/[y]} have the same shape. */
    String shape() {
        return join(segments, Segment::shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutePattern && ((RoutePattern) o).pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static Segment parseSegment(String pattern, String text, boolean last) {
        if (text.isEmpty()) {
            throw invalid(pattern, "empty segment");
        }
        if (text.startsWith("[[")) {
            if (!text.endsWith("]]") || text.length() < 4) {
                throw invalid(pattern, "unbalanced brackets in segment " + text);
            }
            String name = checkName(pattern, text, text.substring(2, text.length() - 2));
            if (!last) {
                throw invalid(pattern, "catch-all " + text + " must be the last segment");
            }
            return new Segment(Segment.Role.CATCH_ALL, name);
        }
        if (text.startsWith("[")) {
            if (!text.endsWith("]") || text.length() < 2) {
                throw invalid(pattern, "unbalanced brackets in segment " + text);
            }
            return new Segment(Segment.Role.PARAM, checkName(pattern, text, text.substring(1, text.length() - 1)));
        }
        checkStatic(pattern, text);
        return new Segment(Segment.Role.STATIC, text);
    }

    private static String checkName(String pattern, String segment, String name) {
        if (name.isEmpty()) {
            throw invalid(pattern, "empty brackets " + segment);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '[' || c == ']') {
                throw invalid(pattern, "unbalanced brackets in segment " + segment);
            }
            if (!isNameChar(c)) {
                throw invalid(pattern, "parameter name in " + segment
                        + " may only use letters, digits, '_', '$' and '-'");
            }
        }
        return name;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '$' || c == '-';
    }

    private static void checkStatic(String pattern, String text) {
        if (text.equals(".") || text.equals("..")) {
            throw invalid(pattern, "dot segment " + text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == ']') {
                throw invalid(pattern, text.indexOf('[') >= 0 && text.indexOf(']') >= 0
                        ? "brackets must enclose a whole segment, not part of " + text
                        : "unbalanced brackets in segment " + text);
            }
            if (c == '%') {
                throw invalid(pattern, "'%' in segment " + text + ": write static segments decoded");
            }
            if (c == '\\' || c == '?' || c == '#' || c < 0x20 || c == 0x7f) {
                throw invalid(pattern, "character U+" + String.format("%04X", (int) c)
                        + " is not allowed in a static segment");
            }
        }
    }

    private static void dropTrailingIndex(List<Segment> segments) {
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).equals(new Segment(Segment.Role.STATIC, "index"))) {
            segments.remove(last);
        }
    }

    private static boolean endsWithIndex(List<Segment> segments) {
        return !segments.isEmpty() && segments.get(segments.size() - 1).equals(new Segment(Segment.Role.STATIC, "index"));
    }

    private static void rejectRepeatedNames(String pattern, List<Segment> segments) {
        List<String> seen = new ArrayList<>();
        for (Segment s : segments) {
            if (s.role() != Segment.Role.STATIC) {
                if (seen.contains(s.text())) {
                    throw invalid(pattern, "parameter name " + s.text() + " is used twice");
                }
                seen.add(s.text());
            }
        }
    }

    private static String join(List<Segment> segments, Function<Segment, String> part) {
        if (segments.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            out.append('/').append(part.apply(s));
        }
        return out.toString();
    }

    private static InvalidRouteException invalid(String pattern, String reason) {
        return new InvalidRouteException("Invalid route pattern \"" + pattern + "\": " + reason);
    }
}
