package ${package};

import dev.fetchlet.function.CloudEventFunction;
import dev.fetchlet.function.EventData;
import dev.fetchlet.function.FunctionContext;
import io.cloudevents.CloudEvent;
import java.util.Map;

/**
 * A Knative-style function at /: it answers a customer event with a greeting event. Send it one with
 *
 * <pre>
 * curl -X POST -d '{"name": "Tiger", "customerId": "0123456789"}' \
 *     -H'Content-type: application/json' -H'Ce-id: 1' -H'Ce-source: example' \
 *     -H'Ce-type: dev.knative.example' -H'Ce-specversion: 1.0' http://localhost:8080/
 * </pre>
 *
 * The answer is a CloudEvent in binary mode: its attributes in ce-* headers, its data as the body.
 */
public class GreetingFunction implements CloudEventFunction {

    /** The event's data. */
    public record Customer(String name, String customerId) {
    }

    @Override
    public Object handle(FunctionContext ctx, CloudEvent event) {
        Customer customer = EventData.json(event, Customer.class); // malformed data answers 400
        ctx.log().info("{} event {} for customer {}", event.getType(), event.getId(), customer.customerId());
        return ctx.cloudEventResponse(Map.of(
                        "message", "Hello, " + customer.name() + "!",
                        "customerId", customer.customerId()))
                .source("/greeting")
                .type("dev.knative.example.greeting")
                .subject(customer.customerId())
                .build();
    }
}
