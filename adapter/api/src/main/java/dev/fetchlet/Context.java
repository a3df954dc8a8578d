package dev.fetchlet;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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

    private Context(Builder b) {
        this.request = b.request;
        this.params = b.params;
        this.env = b.env;
        this.requestId = b.requestId != null ? b.requestId : UUID.randomUUID().toString();
        this.clientIp = b.clientIp;
        this.server = new ServerInfo(b.region, this.requestId);
        this.geo = b.geo;
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

        public Context build() {
            return new Context(this);
        }
    }
}
