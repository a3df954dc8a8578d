package dev.fetchlet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fetchlet.Headers;
import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import dev.fetchlet.cloudevent.CloudEventReader;
import dev.fetchlet.cloudevent.CloudEventWriter;
import dev.fetchlet.cloudevent.SameEvent;
import io.cloudevents.CloudEvent;
import java.util.List;

/**
 * Structured and batch reading: any body either is valid events or a 400, and valid events written back in the
 * same mode and read again are the same events.
 */
class StructuredCloudEventFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void structuredAndBatchEvents(FuzzedDataProvider in) throws Exception {
        boolean batch = in.consumeBoolean();
        Headers headers = Headers.of("Content-Type", batch ? CloudEventReader.BATCH : CloudEventReader.STRUCTURED);
        byte[] body = in.consumeRemainingAsBytes();
        List<CloudEvent> events;
        try {
            events = CloudEventReader.read(headers, body).events();
        } catch (HttpException e) {
            assertEquals(400, e.status(), e.getMessage());
            return;
        }
        Response written = batch ? CloudEventWriter.batch(events) : CloudEventWriter.structured(events.get(0));
        List<CloudEvent> again = CloudEventReader.read(written.headers(), written.bodyBytes()).events();
        assertEquals(events.size(), again.size());
        for (int i = 0; i < events.size(); i++) {
            assertNull(SameEvent.difference(events.get(i), again.get(i)), "event " + i);
        }
    }
}
