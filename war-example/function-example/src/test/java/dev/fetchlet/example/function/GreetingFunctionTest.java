package dev.fetchlet.example.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.HttpException;
import dev.fetchlet.function.EventData;
import dev.fetchlet.function.FunctionContext;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The unit test: the function called directly, no server. */
class GreetingFunctionTest {
    private static CloudEvent customerEvent(String data) {
        return CloudEventBuilder.v1()
                .withId("1")
                .withSource(URI.create("cloud-event-example"))
                .withType("dev.knative.example")
                .withData("application/json", data.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void greetsTheCustomerWithAnEvent() throws Exception {
        CloudEvent in = customerEvent("{\"name\": \"Tiger\", \"customerId\": \"0123456789\"}");

        Object out = new GreetingFunction().handle(FunctionContext.of("POST", "http://localhost/").withCloudEvent(in), in);

        CloudEvent reply = assertInstanceOf(CloudEvent.class, out);
        assertEquals("dev.knative.example.greeting", reply.getType());
        assertEquals("0123456789", reply.getSubject());
        assertEquals("application/json", reply.getDataContentType());
        Map<?, ?> data = new ObjectMapper().readValue(EventData.bytes(reply), Map.class);
        assertEquals(Map.of("message", "Hello, Tiger!", "customerId", "0123456789"), data);
    }

    @Test
    void malformedDataIsTheClientsFault() {
        CloudEvent in = customerEvent("{not json");

        HttpException e = assertThrows(HttpException.class,
                () -> new GreetingFunction().handle(FunctionContext.of("POST", "http://localhost/"), in));
        assertEquals(400, e.status());
    }
}
