package dev.fetchlet.internal;

import dev.fetchlet.HttpException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes body bytes into text strictly: bytes that are not valid in the charset (for UTF-8, overlong forms
 * such as {@code C0 AF} for {@code /}, surrogates, truncated sequences) answer 400 rather than turning into
 * replacement characters or, worse, into characters the client never sent.
 */
public final class Text {
    private Text() {
    }

    /** {@code bytes[from, to)} as text in {@code charset}; a 400 {@link HttpException} if they are not valid. */
    public static String decode(byte[] bytes, int from, int to, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(charset);
        }
    }

    /** All of {@code bytes} as text in {@code charset}; a 400 {@link HttpException} if they are not valid. */
    public static String decode(byte[] bytes, Charset charset) {
        return decode(bytes, 0, bytes.length, charset);
    }

    /** The 400 for text that is not valid in its charset; names the charset, never the bytes. */
    public static HttpException invalid(Charset charset) {
        return HttpException.badRequest("The request body is not valid " + charset.name() + " text");
    }
}
