package dev.fetchlet.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.fetchlet.HttpException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's failures into 400 messages in plain words: where the JSON went wrong, or which field did not
 * fit and what it expected. Jackson's own messages name Java classes ({@code Cannot deserialize value of type
 * `com.example.Order$Item`}) and its internals, which the client has no use for and should not see.
 *
 * <pre>{@code
 * {"quantity":"many"}  ->  Invalid JSON body: field 'quantity' expects a whole number
 * {"name":             ->  Invalid JSON body: it ends before the value is complete
 * }</pre>
 */
public final class JsonProblems {
    private JsonProblems() {
    }

    static HttpException badRequest(JacksonException e) {
        if (e instanceof InvalidDefinitionException) {
            // The handler's type cannot be built from any JSON: a bug in the handler, not in the request.
            throw new IllegalStateException("JSON cannot be bound to this type", e);
        }
        return new HttpException(400, "Invalid JSON body: " + problem(e), e);
    }

    /** What is wrong with the JSON, in plain words: {@code malformed JSON at line 1, column 2}. */
    public static String problem(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            // Jackson's limits (number and string length, nesting depth): the JSON may be well-formed, just too big.
            return "it is nested too deeply, or a number or string in it is too long";
        }
        if (e instanceof MismatchedInputException m) {
            String field = field(m);
            if (m.getMessage() != null && m.getMessage().startsWith("No content to map")) {
                return "the body is empty";
            }
            if (m.getMessage() != null && m.getMessage().startsWith("Trailing token")) {
                return "unexpected content after the JSON value" + at(e);
            }
            String expected = describe(m.getTargetType());
            return field.isEmpty() ? "expected " + expected : "field '" + field + "' expects " + expected;
        }
        if (e instanceof DatabindException d) {
            String field = field(d);
            return field.isEmpty() ? "the value does not fit the expected shape"
                    : "field '" + field + "' has a value that is not allowed";
        }
        if (e instanceof JsonEOFException) {
            return "it ends before the value is complete";
        }
        return "malformed JSON" + at(e);
    }

    private static String at(JacksonException e) {
        JsonLocation where = e instanceof JsonProcessingException p ? p.getLocation() : null;
        if (where == null || where.getLineNr() < 1) {
            return "";
        }
        return " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /** {@code items[2].name}: the path from the root to where binding failed; empty at the root. */
    private static String field(DatabindException e) {
        if (!(e instanceof JsonMappingException m)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a JSON value of {@code type} looks like, in the words of JSON rather than Java. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class || type == char.class || type == Character.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> "\"" + ((Enum<?>) c).name() + "\"")
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == Object.class) {
            return "a JSON value";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a different value";
    }
}
