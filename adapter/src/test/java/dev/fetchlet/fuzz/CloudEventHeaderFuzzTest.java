package dev.fetchlet.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fetchlet.Headers;
import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import dev.fetchlet.cloudevent.CloudEventReader;
import dev.fetchlet.cloudevent.CloudEventWriter;
import dev.fetchlet.cloudevent.SameEvent;
import dev.fetchlet.internal.MediaType;
import io.cloudevents.CloudEvent;

/**
 * Binary-mode reading: any set of {@code ce-*} headers and body either is a valid event or a 400, and a valid
 * event written back as headers and read again is the same event.
 */
class CloudEventHeaderFuzzTest {
    private static final String[] NAMES = {"ce-specversion", "ce-id", "ce-source", "ce-type", "ce-subject", "ce-time",
        "ce-dataschema", "ce-schemaurl", "ce-datacontenttype", "Content-Type", "ce-ext", "CE-Id"};

    @FuzzTest(maxDuration = "15s")
    void binaryEvents(FuzzedDataProvider in) throws Exception {
        Headers headers = new Headers();
        headers.append("ce-specversion", fieldValue(in.pickValue(new String[] {"1.0", "0.3", in.consumeString(4)})));
        int count = in.consumeInt(0, 10);
        for (int i = 0; i < count; i++) {
            String name = in.consumeBoolean() ? in.pickValue(NAMES) : "ce-" + token(in.consumeString(24));
            headers.append(name, fieldValue(in.consumeString(80)));
        }
        byte[] body = in.consumeRemainingAsBytes();
        CloudEventReader.Incoming incoming;
        try {
            incoming = CloudEventReader.read(headers, body);
        } catch (HttpException e) {
            // 415 is for a CloudEvents format other than JSON, such as application/cloudevents+xml.
            boolean otherFormat = CloudEventReader.CLOUDEVENTS_MEDIA_TYPE.matcher(MediaType.essence(headers.first("Content-Type"))).matches();
            assertTrue(e.status() == 400 || otherFormat && e.status() == 415, e.status() + " " + e.getMessage());
            return;
        }
        if (incoming.mode() != CloudEventReader.Mode.BINARY) {
            return; // a Content-Type chose structured or batch mode: StructuredCloudEventFuzzTest's ground
        }
        CloudEvent event = incoming.events().get(0);
        Response written = CloudEventWriter.binary(event);
        CloudEvent again = CloudEventReader.read(written.headers(), written.bodyBytes()).events().get(0);
        assertNull(SameEvent.difference(event, again));
    }

    // What an HTTP parser can hand over: a field value holds no CR, LF or NUL (the container refuses those).
    private static String fieldValue(String s) {
        return s.replaceAll("[\\r\\n\\x00]", "");
    }

    // A field name is a token; anything else never reaches the application.
    private static String token(String s) {
        return s.replaceAll("[^!#$%&'*+.^_`|~0-9A-Za-z-]", "");
    }
}
