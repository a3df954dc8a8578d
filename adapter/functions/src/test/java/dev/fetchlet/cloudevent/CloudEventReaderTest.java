package dev.fetchlet.cloudevent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Headers;
import dev.fetchlet.HttpException;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventReaderTest {
    private static final String MINIMAL = "\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"";

    static CloudEvent structured(String json) {
        CloudEventReader.Incoming in = CloudEventReader.read(Headers.of("Content-Type", CloudEventReader.STRUCTURED),
                json.getBytes(StandardCharsets.UTF_8));
        assertEquals(CloudEventReader.Mode.STRUCTURED, in.mode());
        return in.events().get(0);
    }

    static CloudEvent binary(String body, String... headers) {
        CloudEventReader.Incoming in = CloudEventReader.read(Headers.of(headers), body.getBytes(StandardCharsets.UTF_8));
        assertEquals(CloudEventReader.Mode.BINARY, in.mode());
        return in.events().get(0);
    }

    static String rejection(Runnable read) {
        HttpException e = assertThrows(HttpException.class, read::run);
        assertEquals(400, e.status());
        assertFalse(e.getMessage().matches("(?s).*\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w+.*"), e.getMessage());
        return e.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "type", "subject", "dataschema", "datacontenttype"})
    void emptyAttributesAreRejected(String name) {
        StringBuilder json = new StringBuilder("{\"specversion\":\"1.0\"");
        List<String> headers = new ArrayList<>(List.of("ce-specversion", "1.0"));
        for (String required : List.of("id", "source", "type")) {
            if (!required.equals(name)) {
                json.append(",\"").append(required).append("\":\"x\"");
                headers.addAll(List.of("ce-" + required, "x"));
            }
        }
        json.append(",\"").append(name).append("\":\"\"}");
        headers.addAll(List.of("ce-" + name, ""));
        String reason = rejection(() -> structured(json.toString()));
        assertTrue(reason.contains(name + " is empty"), reason);
        String binaryReason = rejection(() -> binary("", headers.toArray(String[]::new)));
        assertTrue(binaryReason.contains(name + " is empty"), binaryReason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lunchtime", "2018-04-05T18:31Z", "2018-04-05T18:31:00X", "2018-04-05T18:31:00+25:00",
            "2018-04-05T18:31:00+05", "2018-13-05T18:31:00Z", "2018-04-05 18:31:00Z"})
    void aTimeThatIsNotRfc3339IsRejected(String time) {
        assertTrue(rejection(() -> structured("{" + MINIMAL + ",\"time\":\"" + time + "\"}")).contains("RFC 3339"));
        assertTrue(rejection(() -> binary("", "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t",
                "ce-time", time)).contains("time"));
    }

    @Test
    void rfc3339TimesAreAccepted() {
        assertEquals(URI.create("/s"), structured("{" + MINIMAL + ",\"time\":\"2018-04-05t17:31:00.123456789z\"}").getSource());
        assertEquals(3600, structured("{" + MINIMAL + ",\"time\":\"2018-04-05T18:31:00+01:00\"}")
                .getTime().getOffset().getTotalSeconds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyExtension", "my.extension", "my_ext", "abcdefghijklmnopqrstu"})
    void invalidAttributeNamesAreRejected(String name) {
        assertTrue(rejection(() -> structured("{" + MINIMAL + ",\"" + name + "\":\"x\"}")).contains("name"));
    }

    @Test
    void aTwentyCharacterNameIsAccepted() {
        assertEquals("x", structured("{" + MINIMAL + ",\"abcdefghijklmnopqrst\":\"x\"}").getExtension("abcdefghijklmnopqrst"));
    }

    @Test
    void dataAndDataBase64TogetherAreRejected() {
        assertTrue(rejection(() -> structured("{" + MINIMAL + ",\"data\":\"a\",\"data_base64\":\"YQ==\"}"))
                .contains("data_base64"));
    }

    @Test
    void aDataContentTypeHeaderConflictingWithContentTypeIsRejected() {
        String reason = rejection(() -> binary("{}", "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s",
                "ce-type", "t", "Content-Type", "application/json", "ce-datacontenttype", "text/plain"));
        assertTrue(reason.contains("conflicts"), reason);
        CloudEvent agreeing = binary("{}", "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t",
                "Content-Type", "application/json; charset=utf-8", "ce-datacontenttype", "application/json;charset=UTF-8");
        assertEquals("application/json; charset=utf-8", agreeing.getDataContentType());
    }

    @Test
    void headerValuesArePercentDecoded() {
        CloudEvent event = binary("", "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t",
                "ce-subject", "Euro%20%E2%82%AC%20%22quoted%22");
        assertEquals("Euro € \"quoted\"", event.getSubject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C3%28", "%ED%A0%80", "%C0%AF", "%4", "%zz"})
    void badPercentEscapesAreRejected(String subject) {
        rejection(() -> binary("", "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t",
                "ce-subject", subject));
    }

    @Test
    void nullExtensionsAreAbsentAndTypedOnesKeepTheirType() {
        CloudEvent event = structured("{" + MINIMAL + ",\"gone\":null,\"n\":5,\"flag\":true,\"s\":\"x\",\"subject\":null}");
        assertFalse(event.getExtensionNames().contains("gone"));
        assertNull(event.getSubject());
        assertEquals(5, event.getExtension("n"));
        assertEquals(true, event.getExtension("flag"));
        rejection(() -> structured("{" + MINIMAL + ",\"n\":1.5}"));
        rejection(() -> structured("{" + MINIMAL + ",\"n\":4294967296}"));
        rejection(() -> structured("{" + MINIMAL + ",\"n\":{\"a\":1}}"));
    }

    @Test
    void requiredAttributesAndSpecVersionAreChecked() {
        assertTrue(rejection(() -> structured("{\"specversion\":\"1.0\",\"source\":\"/s\"}")).contains("id, type"));
        assertTrue(rejection(() -> structured("{\"specversion\":\"0.9\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}"))
                .contains("0.9"));
        assertTrue(rejection(() -> structured("{\"id\":25,\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\"}"))
                .contains("string"));
        String malformed = rejection(() -> structured("{" + MINIMAL));
        assertTrue(malformed.contains("JSON"), malformed);
        rejection(() -> structured("{" + MINIMAL + ",\"datacontenttype\":\"xyz\"}"));
        rejection(() -> structured("{" + MINIMAL + ",\"dataschema\":\"relative/path\"}"));
    }

    @Test
    void specVersion03IsAccepted() {
        CloudEvent event = structured("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\","
                + "\"schemaurl\":\"schemas/a\",\"datacontentencoding\":\"base64\",\"datacontenttype\":\"application/octet-stream\","
                + "\"data\":\"AAEC\"}");
        assertEquals(SpecVersion.V03, event.getSpecVersion());
        assertEquals(URI.create("schemas/a"), event.getDataSchema());
        assertArrayEquals(new byte[] {0, 1, 2}, event.getData().toBytes());
    }

    @Test
    void batches() {
        CloudEventReader.Incoming empty = CloudEventReader.read(Headers.of("Content-Type", CloudEventReader.BATCH), "[]".getBytes());
        assertEquals(List.of(), empty.events());
        String reason = rejection(() -> CloudEventReader.read(Headers.of("Content-Type", CloudEventReader.BATCH),
                ("[{" + MINIMAL + "},\"not an object\"]").getBytes()));
        assertTrue(reason.contains("element 1"), reason);
    }

    @Test
    void aRequestWithoutEventHeadersIsNoEvent() {
        assertEquals(CloudEventReader.Mode.NONE,
                CloudEventReader.read(Headers.of("Content-Type", "application/json"), "{}".getBytes()).mode());
    }
}
