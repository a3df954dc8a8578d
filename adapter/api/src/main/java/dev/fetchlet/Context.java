package dev.fetchlet;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Everything a handler gets for one request: the EventContext of Node Functions.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><td>{@link #request()}</td><td>the Fetch-style request</td></tr>
 *   <tr><td>{@link #params()}</td><td>the route's dynamic segments</td></tr>
 *   <tr><td>{@link #env()}</td><td>environment variables, the web app's context parameters, and in development a
 *       {@code .env} file</td></tr>
 *   <tr><td>{@link #requestId()}</td><td>the request id, also sent as {@code Functions-Request-Id};
 *       {@link #uuid()} is the same value under the Node Functions name</td></tr>
 *   <tr><td>{@link #clientIp()}</td><td>the client's address, through trusted proxies only</td></tr>
 *   <tr><td>{@link #server()}</td><td>region and request id</td></tr>
 *   <tr><td>{@link #geo()}</td><td>client location from trusted proxy headers, where configured; else empty</td></tr>
 * </table>
 *
 * <p>One context per request; it is never shared between requests or keyed by thread, so asynchronous
 * handlers can carry it anywhere. A unit test builds one directly:
 *
 * <pre>{@code
 * Context ctx = Context.builder(Request.builder("GET", "http://localhost/api/users/7").build())
 *         .params(Params.of(Map.of("id", "7")))
 *         .build();
 * Response r = new User().onRequestGet(ctx);
 * }</pre>
 */
public final class Context {
    private final Request request;
    private final Params params;
    private final Map<String, String> env;
    private final String requestId;
    private final String clientIp;
    private final ServerInfo server;
    private final Map<String, String> geo;
    private final Consumer<AfterResponse> afterResponse;
    private final UnaryOperator<Runnable> propagation;

    private Context(Builder b) {
        this.request = b.request;
        this.params = b.params;
        this.env = b.env;
        this.requestId = b.requestId != null ? b.requestId : UUID.randomUUID().toString();
        this.clientIp = b.clientIp;
        this.server = new ServerInfo(b.region, this.requestId);
        this.geo = b.geo;
        this.afterResponse = b.afterResponse;
        this.propagation = b.propagation;
    }

    public static Builder builder(Request request) {
        return new Builder(request);
    }

    public Request request() {
        return request;
    }

    public Params params() {
        return params;
    }

    /** Environment and configuration values; never null. */
    public Map<String, String> env() {
        return env;
    }

    /**
     * The request id: a proxy's {@code X-Request-Id} from a trusted proxy, else a random UUID. Sent back as
     * {@code Functions-Request-Id} and logged under the MDC key {@code requestId}.
     *
     * <pre>{@code
     * log.info("order {} placed in request {}", id, ctx.requestId());
     * }</pre>
     */
    public String requestId() {
        return requestId;
    }

    /**
     * The request id under the name Node Functions gives it ({@code context.uuid}): the same value as
     * {@link #requestId()}. Kept for handlers ported from there; new code reads {@code requestId()}.
     */
    public String uuid() {
        return requestId;
    }

    /** The client's IP address. */
    public String clientIp() {
        return clientIp;
    }

    public ServerInfo server() {
        return server;
    }

    /**
     * The client's location as named fields ({@code country}, {@code region}, {@code city}, ... as configured);
     * empty unless a trusted proxy supplied them. Never guessed.
     */
    public Map<String, String> geo() {
        return geo;
    }

    /**
     * Runs {@code task} after the response has been sent, on an executor of the deployment, with this request's
     * log context (request id, trace and span ids) and trace. A stop (SIGTERM, undeploy) waits for pending tasks
     * within its grace period; a task that throws is logged once, with the request id, and counted in
     * {@code /metrics}.
     *
     * <pre>{@code
     * ctx.waitUntil(() -> audit.record(ctx.requestId(), "deleted " + id));
     * return Response.empty(204);
     * }</pre>
     *
     * <p>In a context built by hand (a unit test) the task runs at once, on the calling thread, and its failure
     * is thrown as a {@link CompletionException}.
     */
    public void waitUntil(AfterResponse task) {
        afterResponse.accept(Objects.requireNonNull(task, "task"));
    }

    /**
     * {@code task}, made to run with this request's log context (the MDC's {@code requestId}, {@code trace_id},
     * {@code span_id}) and trace context on whatever thread runs it: for work a handler starts on a thread of its
     * own, so its log lines and child spans belong to the request.
     *
     * <pre>{@code
     * Thread.ofVirtual().start(ctx.wrap(() -> log.info("still part of request {}", ctx.requestId())));
     * }</pre>
     */
    public Runnable wrap(Runnable task) {
        return propagation.apply(Objects.requireNonNull(task, "task"));
    }

    /**
     * An executor that runs each task through {@code executor} with this request's log and trace context, see
     * {@link #wrap(Runnable)}; for an asynchronous handler's stages.
     *
     * <pre>{@code
     * return CompletableFuture.supplyAsync(() -> lookUp(id), ctx.executor(pool)).thenApply(Response::json);
     * }</pre>
     */
    public Executor executor(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    @Override
    public String toString() {
        return "Context{" + request + ", params=" + params + ", requestId=" + requestId + ", clientIp=" + clientIp + "}";
    }

    /** Builds a {@link Context}; every field but the request has a default. */
    public static final class Builder {
        private final Request request;
        private Params params = Params.empty();
        private Map<String, String> env = Map.of();
        private String requestId;
        private String clientIp = "127.0.0.1";
        private String region;
        private Map<String, String> geo = Map.of();
        private Consumer<AfterResponse> afterResponse = Builder::runNow;
        private UnaryOperator<Runnable> propagation = UnaryOperator.identity();

        private Builder(Request request) {
            this.request = Objects.requireNonNull(request, "request");
        }

        public Builder params(Params params) {
            this.params = Objects.requireNonNull(params, "params");
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env = Map.copyOf(env);
            return this;
        }

        /** Shares an already immutable map without copying: hosts build one per deployment, not per request. */
        public Builder sharedEnv(Map<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /** The request id; a random UUID when not set. */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** The same as {@link #requestId(String)}, under the Node Functions name. */
        public Builder uuid(String uuid) {
            return requestId(uuid);
        }

        public Builder clientIp(String clientIp) {
            this.clientIp = clientIp;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder geo(Map<String, String> geo) {
            this.geo = Map.copyOf(geo);
            return this;
        }

        /**
         * Where {@link Context#waitUntil(AfterResponse)} hands its tasks; a host sets it. By default a task runs
         * at once.
         */
        public Builder afterResponse(Consumer<AfterResponse> sink) {
            this.afterResponse = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** How {@link Context#wrap(Runnable)} carries the request's context to another thread; a host sets it. */
        public Builder propagation(UnaryOperator<Runnable> propagation) {
            this.propagation = Objects.requireNonNull(propagation, "propagation");
            return this;
        }

        private static void runNow(AfterResponse task) {
            try {
                task.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }

        public Context build() {
            return new Context(this);
        }
    }
}
