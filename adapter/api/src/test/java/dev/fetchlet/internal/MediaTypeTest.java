package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Essence, parameters and charset of a {@code Content-Type} value. */
class MediaTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "text/html                      | text/html",
        "Text/HTML; charset=utf-8       | text/html",
        "'  application/json ;x=1'      | application/json",
        "''                             | ''",
    })
    void essenceIsLowerCaseWithoutParameters(String contentType, String essence) {
        assertEquals(essence, MediaType.essence(contentType));
    }

    @Test
    void essenceOfNullIsEmpty() {
        assertEquals("", MediaType.essence(null));
    }

    @ParameterizedTest(name = "{0} [{1}] = {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "multipart/form-data; boundary=abc                       | boundary | abc",
        "multipart/form-data; BOUNDARY=abc                       | boundary | abc",
        "multipart/form-data;boundary=\"a b=c\"                  | boundary | a b=c",
        "multipart/form-data; charset=utf-8; boundary=x          | boundary | x",
        "multipart/form-data; boundary = x                       | boundary | x",
        "form-data; name=\"f\"; filename=\"a;b.txt\"             | filename | a;b.txt",
        "form-data; name=\"f\"; filename=\"a;b.txt\"             | name     | f",
        "form-data; filename=\"x.txt\"; name=\"f\"               | name     | f",
        "form-data; name=\"say \\\"hi\\\"\"                      | name     | say \"hi\"",
        "form-data; filename=\"C:\\dir\\file.txt\"               | filename | C:\\dir\\file.txt",
        "form-data; filename=\"back\\\\slash\"                   | filename | back\\slash",
        "form-data; name=\"\"                                    | name     | ''",
        "form-data; flag; name=f                                 | name     | f",
        "text/plain                                              | charset  | NULL",
        "text/plain; boundary=x                                  | charset  | NULL",
    })
    void parameterValuesAreUnquoted(String contentType, String name, String value) {
        assertEquals(value, MediaType.parameter(contentType, name));
    }

    @Test
    void parameterOfNullIsNull() {
        assertNull(MediaType.parameter(null, "charset"));
    }

    @Test
    void charsetDefaultsToUtf8AndIgnoresUnknownNames() {
        assertEquals(StandardCharsets.UTF_8, MediaType.charset(null));
        assertEquals(StandardCharsets.UTF_8, MediaType.charset("text/plain"));
        assertEquals(StandardCharsets.UTF_8, MediaType.charset("text/plain; charset=nope"));
        assertEquals(StandardCharsets.UTF_8, MediaType.charset("text/plain; charset=\"not a name!\""));
        assertEquals(StandardCharsets.ISO_8859_1, MediaType.charset("text/plain; charset=latin1"));
        assertEquals(StandardCharsets.UTF_16LE, MediaType.charset("text/plain; charset=\"UTF-16LE\""));
    }
}
