package dev.fetchlet.function;

import dev.fetchlet.HttpException;
import dev.fetchlet.internal.Json;
import dev.fetchlet.internal.MediaType;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import java.io.ByteArrayInputStream;

/**
 * Reads a CloudEvent's data, whichever mode it came in.
 *
 * <pre>{@code
 * record Customer(String name, String customerId) {}
 *
 * Customer customer = EventData.json(event, Customer.class);
 * String raw = EventData.text(event);
 * }</pre>
 */
public final class EventData {
    private EventData() {
    }

    /** The data's bytes; empty when the event has none. */
    public static byte[] bytes(CloudEvent event) {
        CloudEventData data = event.getData();
        return data == null ? new byte[0] : data.toBytes();
    }

    /** The data as text, in the charset {@code datacontenttype} names, UTF-8 otherwise. */
    public static String text(CloudEvent event) {
        return new String(bytes(event), MediaType.charset(event.getDataContentType()));
    }

    /**
     * The data parsed as JSON into {@code type}.
     *
     * @throws HttpException 400 when the event has no data or the data is not JSON that fits {@code type}
     */
    public static <T> T json(CloudEvent event, Class<T> type) {
        byte[] bytes = bytes(event);
        if (bytes.length == 0) {
            throw HttpException.badRequest("The event " + event.getId() + " has no data");
        }
        return Json.read(new ByteArrayInputStream(bytes), type);
    }
}
