package dev.fetchlet.function;

import dev.fetchlet.AfterResponse;
import dev.fetchlet.Context;
import dev.fetchlet.Headers;
import dev.fetchlet.Request;
import dev.fetchlet.ServerInfo;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a function gets besides its body or event: the request's method, headers and query, the request id,
 * the environment, the incoming CloudEvent, and a logger. Every field has its own accessor, so nothing a client
 * sends, such as a query parameter named {@code uuid}, can stand in for another.
 *
 * <pre>{@code
 * public Object handle(FunctionContext ctx, Body body) {
 *     ctx.log().info("{} {} from {}", ctx.method(), ctx.path(), ctx.clientIp());
 *     String lang = ctx.query("lang");                 // ?lang=fr
 *     String region = ctx.env().get("REGION");
 *     ...
 * }
 *
 * // in a unit test
 * FunctionContext ctx = FunctionContext.of("GET", "http://localhost/?lang=fr");
 * }</pre>
 *
 * <p>The underlying Fetch {@link Context} is there as {@link #fetchContext()}; its request body has already been
 * read into the function's argument.
 */
public final class FunctionContext {
    private final Context context;
    private final CloudEvent cloudEvent;
    private final Logger log;

    private FunctionContext(Context context, CloudEvent cloudEvent, Logger log) {
        this.context = Objects.requireNonNull(context, "context");
        this.cloudEvent = cloudEvent;
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * A context for one request.
     *
     * @param context    the request's Fetch context
     * @param cloudEvent the event the request carried, or null
     * @param log        the logger {@link #log()} returns
     */
    public static FunctionContext of(Context context, CloudEvent cloudEvent, Logger log) {
        return new FunctionContext(context, cloudEvent, log);
    }

    /** A context for a request with no headers or body, for unit tests. */
    public static FunctionContext of(String method, String url) {
        return of(Context.builder(Request.builder(method, url).build()).build(), null,
                LoggerFactory.getLogger(FunctionContext.class));
    }

    /** This context carrying {@code event}, as when the request was that CloudEvent. */
    public FunctionContext withCloudEvent(CloudEvent event) {
        return new FunctionContext(context, event, log);
    }

    /**
     * Runs {@code task} after the response has been sent; the same as {@link Context#waitUntil} on
     * {@link #fetchContext()}.
     *
     * <pre>{@code
     * ctx.waitUntil(() -> ctx.log().info("acknowledged {}", event.getId()));
     * }</pre>
     */
    public void waitUntil(AfterResponse task) {
        context.waitUntil(task);
    }

    /** The Fetch context: request, route params, env, request id, client address, server, geo. */
    public Context fetchContext() {
        return context;
    }

    public String method() {
        return context.request().method();
    }

    /** The full URL as the client used it. */
    public String url() {
        return context.request().url();
    }

    /** The decoded path, e.g. {@code /}. */
    public String path() {
        return context.request().path();
    }

    public Headers headers() {
        return context.request().headers();
    }

    /** A header's value (several joined with {@code ", "}), or null. */
    public String header(String name) {
        return context.request().header(name);
    }

    /** Every query parameter, each with its values in order. */
    public Map<String, List<String>> query() {
        return context.request().queryParams();
    }

    /** The first value of query parameter {@code name}, or null. */
    public String query(String name) {
        return context.request().query(name);
    }

    /** The request id, also sent back as {@code Functions-Request-Id}. */
    public String requestId() {
        return context.requestId();
    }

    /** The same as {@link #requestId()}, under the name Knative and Node Functions give it. */
    public String uuid() {
        return context.requestId();
    }

    public String clientIp() {
        return context.clientIp();
    }

    /** Environment variables and configuration values; never null. */
    public Map<String, String> env() {
        return context.env();
    }

    public ServerInfo server() {
        return context.server();
    }

    /** The CloudEvent the request carried (binary, structured, or one of a batch); empty for plain HTTP. */
    public Optional<CloudEvent> cloudEvent() {
        return Optional.ofNullable(cloudEvent);
    }

    /** A logger named after the function's class; lines carry the request id in the MDC as {@code requestId}. */
    public Logger log() {
        return log;
    }

    /**
     * Starts the CloudEvent to answer with, carrying {@code data} (serialised as JSON unless a
     * {@code String} or {@code byte[]}); set at least its source and type.
     *
     * <pre>{@code
     * return ctx.cloudEventResponse(Map.of("ok", true)).source("/orders").type("order.accepted").build();
     * }</pre>
     */
    public CloudEventResponse cloudEventResponse(Object data) {
        return CloudEventResponse.builder().data(data);
    }

    @Override
    public String toString() {
        return "FunctionContext{" + context + (cloudEvent == null ? "" : ", event=" + cloudEvent.getId()) + "}";
    }
}
