package dev.fetchlet.bench.app;

import dev.fetchlet.Route;
import dev.fetchlet.function.CloudEventFunction;
import dev.fetchlet.function.EventData;
import dev.fetchlet.function.FunctionContext;
import io.cloudevents.CloudEvent;
import java.util.Map;

/** The CloudEvent benchmark: takes a binary-mode event and answers a small JSON receipt. */
@Route("/event")
public class Event implements CloudEventFunction {
    @Override
    public Object handle(FunctionContext ctx, CloudEvent event) {
        return Map.of("id", event.getId(), "type", event.getType(), "size", EventData.bytes(event).length);
    }
}
