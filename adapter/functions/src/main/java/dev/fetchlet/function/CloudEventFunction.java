package dev.fetchlet.function;

import io.cloudevents.CloudEvent;

/**
 * A function answering CloudEvents: in binary mode ({@code ce-id}, {@code ce-source}, {@code ce-type},
 * {@code ce-specversion} headers), structured mode ({@code application/cloudevents+json}) or batch mode
 * ({@code application/cloudevents-batch+json}, one call per event). A request that is not a valid CloudEvent
 * answers 400 with the reason, without calling the function.
 *
 * <p>It returns what an {@link HttpFunction} may return, or a {@code CloudEvent}, which is sent back in the
 * request's mode (binary for binary, structured for structured); returned unchanged, it comes back as the same
 * event; a batch answers with the batch of events its calls returned (calls returning {@code null}
 * add none).
 *
 * <pre>{@code
 * public class Greeter implements CloudEventFunction {
 *     record Customer(String name, String customerId) {}
 *
 *     @Override
 *     public Object handle(FunctionContext ctx, CloudEvent event) {
 *         Customer customer = EventData.json(event, Customer.class);
 *         ctx.log().info("Event {} for customer {}", event.getId(), customer.customerId());
 *         return ctx.cloudEventResponse(Map.of("message", "Hello, " + customer.name()))
 *                 .source("/greeter")
 *                 .type("dev.example.greeting")
 *                 .build();
 *     }
 * }
 * }</pre>
 */
public non-sealed interface CloudEventFunction extends FetchletFunction {

    /**
     * Answers one event.
     *
     * @param ctx   the request's context; {@link FunctionContext#cloudEvent()} holds {@code event} too
     * @param event the event, with all required attributes present
     * @return the answer: a {@code CloudEvent}, or anything an {@link HttpFunction} may return
     */
    Object handle(FunctionContext ctx, CloudEvent event) throws Exception;
}
