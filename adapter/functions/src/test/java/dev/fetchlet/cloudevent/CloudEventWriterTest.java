package dev.fetchlet.cloudevent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.Headers;
import dev.fetchlet.Response;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MINIMAL = "\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"";

    private static CloudEvent readBack(Response response) throws Exception {
        return CloudEventReader.read(response.headers(), response.bodyBytes()).events().get(0);
    }

    @Test
    void anEventWithoutDataGoesOutInBinaryModeWithAnEmptyBody() throws Exception {
        CloudEvent event = CloudEventBuilder.v1().withId("1").withSource(URI.create("/s")).withType("t").build();
        Response response = CloudEventWriter.binary(event);
        assertEquals(0, response.bodyBytes().length);
        assertNull(response.headers().get("Content-Type"));
        assertNull(SameEvent.difference(event, readBack(response)));
    }

    @Test
    void headerValuesArePercentEncoded() throws Exception {
        CloudEvent event = CloudEventBuilder.v1().withId("1").withSource(URI.create("/s")).withType("t")
                .withSubject("a \"quoted\" 100% € \r\n").withExtension("ext", "ünï").build();
        Response response = CloudEventWriter.binary(event);
        assertEquals("a%20%22quoted%22%20100%25%20%E2%82%AC%20%0D%0A", response.headers().get("ce-subject"));
        assertEquals("%C3%BCn%C3%AF", response.headers().get("ce-ext"));
        assertNull(SameEvent.difference(event, readBack(response)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{" + MINIMAL + "}",
        "{" + MINIMAL + ",\"data\":null}",
        "{" + MINIMAL + ",\"datacontenttype\":\"application/vnd.api+json\",\"data\":{\"a\":[1,2.50,true]}}",
        "{" + MINIMAL + ",\"data\":\"I'm just a string\"}",
        "{" + MINIMAL + ",\"datacontenttype\":\"text/xml\",\"data\":\"<much wow=\\\"xml\\\"/>\"}",
        "{" + MINIMAL + ",\"datacontenttype\":\"application/octet-stream\",\"data_base64\":\"AAEC/w==\"}",
        "{" + MINIMAL + ",\"n\":5,\"flag\":false,\"s\":\"x\",\"time\":\"2018-04-05T17:31:00Z\"}",
        "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"schemaurl\":\"/schema\","
                + "\"datacontentencoding\":\"base64\",\"data\":\"AAEC\"}"
    })
    void structuredEventsComeBackAsTheyCame(String json) throws Exception {
        CloudEvent event = CloudEventReaderTest.structured(json);
        Response response = CloudEventWriter.structured(event);
        assertEquals(CloudEventReader.STRUCTURED, response.headers().get("Content-Type"));
        assertEquals(JSON.readTree(json), JSON.readTree(response.bodyBytes()));
        assertNull(SameEvent.difference(event, readBack(response)));
    }

    @Test
    void aNullExtensionIsLeftOut() throws Exception {
        CloudEvent event = CloudEventReaderTest.structured("{" + MINIMAL + ",\"unset\":null}");
        JsonNode out = JSON.readTree(CloudEventWriter.structured(event).bodyBytes());
        assertFalse(out.has("unset"), out.toString());
    }

    @Test
    void binaryDataBecomesTheJsonFormThatFitsItsType() throws Exception {
        CloudEvent json = CloudEventBuilder.v1().withId("1").withSource(URI.create("/s")).withType("t")
                .withData("application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)).build();
        assertEquals(1, JSON.readTree(CloudEventWriter.structured(json).bodyBytes()).get("data").get("a").asInt());
        CloudEvent text = CloudEventBuilder.v1(json).withData("text/plain", "hi".getBytes(StandardCharsets.UTF_8)).build();
        assertEquals("hi", JSON.readTree(CloudEventWriter.structured(text).bodyBytes()).get("data").asText());
        CloudEvent bytes = CloudEventBuilder.v1(json).withData("image/png", new byte[] {(byte) 0x89, 'P'}).build();
        assertEquals("iVA=", JSON.readTree(CloudEventWriter.structured(bytes).bodyBytes()).get("data_base64").asText());
    }

    @Test
    void batchesKeepOrderAndAnEmptyBatchStaysEmpty() throws Exception {
        assertEquals("[]", new String(CloudEventWriter.batch(List.of()).bodyBytes(), StandardCharsets.UTF_8));
        Response response = CloudEventWriter.batch(List.of(
                CloudEventReaderTest.structured("{" + MINIMAL + "}"),
                CloudEventReaderTest.structured("{" + MINIMAL.replace("\"1\"", "\"2\"") + "}")));
        List<CloudEvent> back = CloudEventReader.read(Headers.of("Content-Type", CloudEventReader.BATCH),
                response.bodyBytes()).events();
        assertEquals(List.of("1", "2"), back.stream().map(CloudEvent::getId).toList());
        assertTrue(response.headers().get("Content-Type").startsWith(CloudEventReader.BATCH));
    }
}
