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
            String line = requestLine.toString().strip();
            if (line.isEmpty()) {
                requestLine.setLength(0); // an empty line before the request line is allowed (RFC 9112 2.2)
                continue;
            }
            lineChecked = true;
            String version = line.substring(line.lastIndexOf(' ') + 1);
            // Only the case is checked here; a missing or unknown version is left to Jetty's parser.
            return !version.regionMatches(true, 0, VERSION_PREFIX, 0, VERSION_PREFIX.length())
                || version.startsWith(VERSION_PREFIX);
        }
        return true;
    }
}
