package dev.fetchlet.websocket;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/** Close-frame reasons: RFC 6455 allows 123 bytes of UTF-8 (a control frame carries 125, the code takes 2). */
final class CloseReasons {
    static final int MAX_BYTES = 123;

    private CloseReasons() {
    }

    /** {@code reason} cut to at most 123 UTF-8 bytes, never inside a character; null becomes empty. */
    static String truncate(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.length() * 3 <= MAX_BYTES) {
            return reason;
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        CharBuffer in = CharBuffer.wrap(reason);
        encoder.encode(in, ByteBuffer.allocate(MAX_BYTES), true); // stops before the first char that does not fit
        return reason.substring(0, in.position());
    }
}
