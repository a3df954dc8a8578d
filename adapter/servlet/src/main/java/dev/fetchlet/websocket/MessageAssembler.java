package dev.fetchlet.websocket;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Joins the parts of one incoming message and enforces the size limit while doing so, so a message over the
 * limit is refused after at most {@code limit} bytes were held. Fetchlet reads messages in parts (Jakarta's
 * partial handlers) and counts the limit itself rather than through each container's own buffer settings,
 * which differ in defaults and in when a change takes effect.
 *
 * <p>Not thread-safe: a connection's message callbacks never overlap.
 */
final class MessageAssembler {
    private final long limit;
    private final StringBuilder text = new StringBuilder();
    private long textBytes;
    private byte[] binary = new byte[0];
    private int binaryLength;

    MessageAssembler(long limit) {
        this.limit = limit;
    }

    /** Adds a text part. @return false if the message has grown past the limit (the parts so far are dropped) */
    boolean addText(String part) {
        textBytes += utf8Length(part);
        if (textBytes > limit) {
            resetText();
            return false;
        }
        text.append(part);
        return true;
    }

    /** The text message completed by the last part, and a fresh start for the next one. */
    String takeText() {
        String message = text.toString();
        resetText();
        return message;
    }

    /** Adds a binary part. @return false if the message has grown past the limit (the parts so far are dropped) */
    boolean addBinary(ByteBuffer part) {
        int n = part.remaining();
        if ((long) binaryLength + n > limit) {
            resetBinary();
            return false;
        }
        if (binaryLength + n > binary.length) {
            binary = Arrays.copyOf(binary, Math.max(binaryLength + n, Math.min(binary.length * 2, (int) Math.min(limit, Integer.MAX_VALUE - 8))));
        }
        part.get(binary, binaryLength, n);
        binaryLength += n;
        return true;
    }

    /** The binary message completed by the last part, in a buffer of its own. */
    ByteBuffer takeBinary() {
        ByteBuffer message = ByteBuffer.wrap(Arrays.copyOf(binary, binaryLength));
        resetBinary();
        return message;
    }

    private void resetText() {
        text.setLength(0);
        if (text.capacity() > 64 * 1024) {
            text.trimToSize(); // do not keep a large message's buffer for the connection's lifetime
        }
        textBytes = 0;
    }

    private void resetBinary() {
        binaryLength = 0;
        if (binary.length > 64 * 1024) {
            binary = new byte[0];
        }
    }

    static long utf8Length(CharSequence s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 2; // with its low surrogate, 4 bytes for the pair
            } else if (Character.isLowSurrogate(c)) {
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
