/**
 * Knative-style functions: one class, served at {@code /}, answering plain HTTP or CloudEvents, with lifecycle
 * hooks and health checks. The API knows nothing of servlets, so a function is unit-tested by calling it.
 *
 * <pre>{@code
 * public class Greeter implements CloudEventFunction {
 *     @Override
 *     public Object handle(FunctionContext ctx, CloudEvent event) {
 *         Customer customer = EventData.json(event, Customer.class);
 *         return CloudEventResponse.builder()
 *                 .source("/greeter")
 *                 .type("dev.example.greeting")
 *                 .data(Map.of("message", "Hello, " + customer.name()))
 *                 .build();
 *     }
 * }
 * }</pre>
 *
 * <p>Pick {@link dev.fetchlet.function.HttpFunction} for plain requests and
 * {@link dev.fetchlet.function.CloudEventFunction} for events; both extend
 * {@link dev.fetchlet.function.FetchletFunction}, which holds the lifecycle and health hooks.
 */
package dev.fetchlet.function;
