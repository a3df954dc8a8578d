package dev.fetchlet.cloudevent;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fetchlet.HttpException;
import dev.fetchlet.internal.CharArrayStrings;
import dev.fetchlet.internal.JsonProblems;
import dev.fetchlet.internal.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The JSON side of the JSON event format: a mapper that keeps numbers exact (so data goes out as it came in)
 * and rejects duplicate members, and the rule for which media types are JSON.
 */
final class EventJson {
    // Strings go to the generator as char arrays (CharArrayStrings): JDK 25 runs String.charAt loops slowly.
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .addDecorator(new CharArrayStrings()).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // 2.0 must go out as 2.0: stripped to 2, it would come back to the sender as an integer.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        // Deep nesting is a denial of service, not an event.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private EventJson() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The JSON document {@code body}, or 400 saying what is wrong with it. */
    static JsonNode read(byte[] body, String what) {
        try {
            // RFC 8259: JSON between systems is UTF-8. Jackson would guess UTF-16 or UTF-32 from the first bytes.
            JsonNode node = MAPPER.readTree(utf8(body, what));
            if (node == null || node.isMissingNode()) {
                throw HttpException.badRequest("Invalid " + what + ": the body is empty");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw HttpException.badRequest("Invalid " + what + ": the JSON is nested or sized beyond the limits");
        } catch (JacksonException e) {
            throw HttpException.badRequest("Invalid " + what + ": the body is not valid JSON ("
                    + JsonProblems.problem(e) + ")");
        } catch (NumberFormatException | ArithmeticException e) {
            // Numbers are read as BigDecimal (so 2.0 stays 2.0), which refuses an exponent too large to hold.
            throw HttpException.badRequest("Invalid " + what + ": a number in the JSON is out of range");
        }
    }

    private static String utf8(byte[] body, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpException.badRequest("Invalid " + what + ": the body is not valid UTF-8");
        }
    }

    /** The value as compact JSON text. */
    static byte[] write(JsonNode value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the JSON format carries data of this type as a JSON value: no type at all (JSON is implied),
     * {@code application/json}, {@code text/json} or any {@code +json} suffix (JSON format 3.1).
     */
    static boolean isJson(String dataContentType) {
        if (dataContentType == null) {
            return true;
        }
        String essence = MediaType.essence(dataContentType);
        return essence.equals("application/json") || essence.equals("text/json") || essence.endsWith("+json");
    }
}
