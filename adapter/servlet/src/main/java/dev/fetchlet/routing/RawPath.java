package dev.fetchlet.routing;

import dev.fetchlet.internal.Utf8Check;

import dev.fetchlet.internal.Hex;

/**
 * Checks and decodes a request path as sent: percent-encoded UTF-8, segments separated by {@code /}.
 *
 * <p>{@link #check} runs once per request before any lookup, so that a malformed path is refused whatever the
 * routes are, and so that lookups can decode segments without checking them again. Neither method allocates
 * unless it returns a new string. Messages never quote the path: they may be sent back to the client.
 */
final class RawPath {
    /** Characters below 64 that need a closer look: NUL, '%', and '.' or '/' at the start of a segment. */
    private static final long MAY_NEED_CHECK = 1L | 1L << '%' | 1L << '.' | 1L << '/';

    private RawPath() {
    }

    /**
     * Checks the segments in {@code path[1, end)}.
     *
     * @return false if a segment is empty ({@code /a//b}): such a path matches no route
     * @throws BadPathException for bad percent-encoding, invalid UTF-8, a null byte, an encoded slash or
     *     backslash, a literal backslash, or a {@code .} or {@code ..} segment, literal or encoded, alone or
     *     followed by a {@code ;} parameter ({@code ..;})
     */
    static boolean check(String path, int end) {
        // Most paths hold no escape, no NUL, and no segment starting with '.' or '/': one cheap scan proves it.
        char previous = '/';
        for (int i = 1; i < end; i++) {
            char c = path.charAt(i);
            boolean suspect = c < 64
                    ? (MAY_NEED_CHECK >>> c & 1) != 0 && (previous == '/' || c == '%' || c == 0)
                    : c == '\\';
            if (suspect) {
                return checkEveryChar(path, end);
            }
            previous = c;
        }
        return previous != '/' || checkEveryChar(path, end);
    }

    /** {@link #check}, character by character: decodes escapes and tracks UTF-8 sequences and dot segments. */
    private static boolean checkEveryChar(String path, int end) {
        boolean allSegmentsNonEmpty = true;
        int segmentStart = 1;
        int dots = 0;
        boolean onlyDots = true;
        Utf8Check utf8 = new Utf8Check();
        for (int i = 1; i <= end; i++) {
            char c = i < end ? path.charAt(i) : '/';
            if (c == '/') {
                if (utf8.inSequence()) {
                    throw new BadPathException("incomplete UTF-8 sequence in path");
                }
                if (i == segmentStart) {
                    allSegmentsNonEmpty = false;
                } else if (onlyDots) {
                    throw new BadPathException("'.' or '..' segment in path");
                }
                segmentStart = i + 1;
                dots = 0;
                onlyDots = true;
                continue;
            }
            int b;
            if (c == '%') {
                b = escapedByte(path, i, end);
                i += 2;
                if (b == '/' || b == '\\') {
                    throw new BadPathException("encoded slash or backslash in path");
                }
                if (!utf8.accept(b)) {
                    throw new BadPathException("invalid UTF-8 in path");
                }
            } else {
                if (utf8.inSequence()) {
                    throw new BadPathException("incomplete UTF-8 sequence in path");
                }
                if (c == '\\') {
                    throw new BadPathException("backslash in path");
                }
                b = c;
            }
            if (b == 0) {
                throw new BadPathException("null byte in path");
            }
            if (b == ';' && onlyDots && dots > 0) {
                // "..;" and ".;", literal or escaped: Tomcat strips the parameter and then treats the segment as a
                // dot segment, so a path could climb past a check made on its literal form.
                throw new BadPathException("'.' or '..' segment with a ';' parameter in path");
            }
            onlyDots = onlyDots && b == '.' && ++dots <= 2;
        }
        return allSegmentsNonEmpty;
    }

    /** Whether {@code path[from, to)} needs decoding. */
    static boolean isEscaped(String path, int from, int to) {
        for (int i = from; i < to; i++) {
            if (path.charAt(i) == '%') {
                return true;
            }
        }
        return false;
    }

    /** A segment's value: decoded if it holds escapes, which {@link #check} must have accepted. */
    static String segment(String path, int from, int to) {
        return isEscaped(path, from, to) ? decode(path, from, to) : path.substring(from, to);
    }

    /** Decodes a segment that {@link #check} accepted. */
    static String decode(String path, int from, int to) {
        char[] out = new char[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            char c = path.charAt(i);
            if (c != '%') {
                out[n++] = c;
                i++;
                continue;
            }
            int lead = escapedByte(path, i, to);
            i += 3;
            int continuations = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
            int codePoint = continuations == 0 ? lead : lead & (0x3F >> continuations);
            for (int k = 0; k < continuations; k++, i += 3) {
                codePoint = codePoint << 6 | escapedByte(path, i, to) & 0x3F;
            }
            n += Character.toChars(codePoint, out, n);
        }
        return new String(out, 0, n);
    }

    private static int escapedByte(String path, int percentAt, int end) {
        if (percentAt + 2 >= end) {
            throw new BadPathException("truncated percent-escape in path");
        }
        int high = Hex.digit(path.charAt(percentAt + 1));
        int low = Hex.digit(path.charAt(percentAt + 2));
        if (high < 0 || low < 0) {
            throw new BadPathException("malformed percent-escape in path");
        }
        return high << 4 | low;
    }
}
