package dev.fetchlet.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.fetchlet.HttpException;
import dev.fetchlet.Params;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The one Jackson mapper Fetchlet reads and writes JSON with. Mappers are costly to build and thread-safe once
 * configured, so there is exactly one.
 */
public final class Json {
    // Strings go to the generator as char arrays: see CharArrayStrings (JDK 25 runs String.charAt loops slowly).
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .addDecorator(new CharArrayStrings()).build())
            .registerModule(new JavaTimeModule())
            // Params has no bean properties but isEmpty(); without this, Response.json(ctx.params()) is {"empty":false}.
            .registerModule(new SimpleModule("fetchlet").addSerializer(Params.class, new StdSerializer<>(Params.class) {
                @Override
                public void serialize(Params params, JsonGenerator gen, SerializerProvider provider) throws IOException {
                    provider.defaultSerializeValue(params.asMap(), gen);
                }
            }))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Reads a request body; malformed JSON is the client's fault, so it becomes a 400. Content after the value
     * ({@code {"a":1} junk}) is malformed too, and so is a body that is not well-formed UTF-8 (RFC 8259 §8.1):
     * an overlong {@code C0 AF} never reads as {@code /}. A JSON {@code null} reads as null into {@code Object},
     * as Fetch's {@code json()} does, and is a 400 for any other type, which a null cannot fit. The 400's
     * message says what was wrong in plain words ({@link JsonProblems}), never quoting Jackson or a class name.
     */
    public static <T> T read(InputStream in, Class<T> type) {
        try {
            T value = MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(new StrictUtf8InputStream(in));
            if (value == null && type != Object.class) {
                throw HttpException.badRequest("Invalid JSON body: expected " + JsonProblems.describe(type)
                        + ", got null");
            }
            return value;
        } catch (HttpException e) {
            throw e;
        } catch (CharacterCodingException e) {
            throw Text.invalid(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw JsonProblems.badRequest(e);
        } catch (IOException e) {
            // Only a host's own stream gets here; a container's failures arrive as UnreadableBodyException.
            throw new UnreadableBodyException(e);
        }
    }
}
