package dev.fetchlet.launcher;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Jetty's request parser, with the request line's HTTP version checked case-sensitively as RFC 9112 section 2.3
 * requires: {@code GET / http/1.1} answers 400. Jetty looks versions up case-insensitively in every compliance
 * mode, so the request line is looked at before Jetty parses it; everything else stays Jetty's.
 */
final class CaseSensitiveVersionParser extends HttpParser {

    private static final String VERSION_PREFIX = "HTTP/";

    /** The bytes of the request line seen so far, up to the request header size; reset with each request. */
    private final StringBuilder requestLine = new StringBuilder();
    private final int maxLineLength;
    private boolean lineChecked;

    CaseSensitiveVersionParser(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance) {
        super(handler, maxHeaderBytes, compliance);
        this.maxLineLength = maxHeaderBytes;
    }

    @Override
    public boolean parseNext(ByteBuffer buffer) {
        if (getState() == State.START) {
            requestLine.setLength(0);
            lineChecked = false;
        }
        if (!lineChecked && inRequestLine() && !versionCaseIsRight(buffer)) {
            BufferUtil.clear(buffer);
            close();
            getHandler().badMessage(new HttpException.RuntimeException(400, "HTTP version must be upper case"));
            return false;
        }
        return super.parseNext(buffer);
    }

    private boolean inRequestLine() {
        State state = getState();
        return state == State.START || state == State.METHOD || state == State.SPACE1 || state == State.URI
            || state == State.SPACE2 || state == State.REQUEST_VERSION;
    }

    /** Reads the buffer's bytes, without taking them, up to the request line's end; false for a bad version. */
    private boolean versionCaseIsRight(ByteBuffer buffer) {
        for (int i = buffer.position(); i < buffer.limit(); i++) {
            char c = (char) (buffer.get(i) & 0xff);
            if (c != '\n') {
                if (requestLine.length() >= maxLineLength) {
                    lineChecked = true; // too long: Jetty's own limit answers
                    return true;
                }
                requestLine.append(c);
                continue;
            }
            // The line's text is read in place: no string per request.
            int end = requestLine.length();
            while (end > 0 && Character.isWhitespace(requestLine.charAt(end - 1))) {
                end--;
            }
            int start = 0;
            while (start < end && Character.isWhitespace(requestLine.charAt(start))) {
                start++;
            }
            if (start == end) {
                requestLine.setLength(0); // an empty line before the request line is allowed (RFC 9112 2.2)
                continue;
            }
            lineChecked = true;
            int version = end;
            while (version > start && requestLine.charAt(version - 1) != ' ') {
                version--;
            }
            // Only the case is checked here; a missing or unknown version is left to Jetty's parser.
            return !prefixMatches(version, end, true) || prefixMatches(version, end, false);
        }
        return true;
    }

    // Whether the request line's characters from..to begin with "HTTP/", in any case or exactly.
    private boolean prefixMatches(int from, int to, boolean ignoreCase) {
        if (to - from < VERSION_PREFIX.length()) {
            return false;
        }
        for (int i = 0; i < VERSION_PREFIX.length(); i++) {
            char c = requestLine.charAt(from + i);
            char p = VERSION_PREFIX.charAt(i);
            if (c != p && !(ignoreCase && Character.toUpperCase(c) == p)) {
                return false;
            }
        }
        return true;
    }
}
