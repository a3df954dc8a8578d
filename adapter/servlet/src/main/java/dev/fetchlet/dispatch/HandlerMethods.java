package dev.fetchlet.dispatch;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletionStage;

/**
 * One route's handler instance and the methods it serves. The handler's overridden methods are found once, at
 * deploy; a request then costs one array lookup and one interface call, never reflection.
 *
 * <p>Rules: a method-specific handler wins over {@code onRequest}; HEAD without {@code onRequestHead} runs the
 * GET handler without a body; OPTIONS without a handler is answered by Fetchlet; anything else is 405.
 */
public final class HandlerMethods {
    private final Object handler;
    private final String source;
    private final EnumSet<HttpMethod> served;
    private final boolean servesAny;
    private final Map<HttpMethod, Dispatch> dispatch;
    private final String allow;

    private HandlerMethods(Object handler, EnumSet<HttpMethod> overridden, boolean servesAny) {
        this.handler = handler;
        this.source = handler.getClass().getName();
        this.servesAny = servesAny;
        this.served = overridden;
        this.dispatch = new EnumMap<>(HttpMethod.class);
        for (HttpMethod m : HttpMethod.values()) {
            dispatch.put(m, decide(m, overridden, servesAny));
        }
        this.allow = allowHeader();
    }

    /**
     * An endpoint for a handler instance: a {@link Handler} or an {@link AsyncHandler}.
     *
     * @throws IllegalArgumentException if it is neither, both, or overrides no handler method
     */
    public static HandlerMethods of(Object handler) {
        Class<?> type = handler.getClass();
        boolean sync = handler instanceof Handler;
        boolean async = handler instanceof AsyncHandler;
        if (sync == async) {
            throw new IllegalArgumentException(type.getName() + (sync
                    ? " implements both Handler and AsyncHandler: choose one"
                    : " implements neither Handler nor AsyncHandler"));
        }
        Class<?> api = sync ? Handler.class : AsyncHandler.class;
        EnumSet<HttpMethod> overridden = EnumSet.noneOf(HttpMethod.class);
        for (HttpMethod m : HttpMethod.values()) {
            if (overrides(type, api, m.handlerMethodName())) {
                overridden.add(m);
            }
        }
        boolean any = overrides(type, api, "onRequest");
        if (overridden.isEmpty() && !any) {
            throw new IllegalArgumentException(type.getName() + " overrides no handler method: implement onRequest or onRequestGet, onRequestPost, ...");
        }
        return new HandlerMethods(handler, overridden, any);
    }

    private static boolean overrides(Class<?> type, Class<?> api, String name) {
        try {
            return type.getMethod(name, Context.class).getDeclaringClass() != api;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("handler interface lacks " + name, e);
        }
    }

    private static Dispatch decide(HttpMethod m, EnumSet<HttpMethod> overridden, boolean any) {
        if (overridden.contains(m)) {
            return new Dispatch(Dispatch.Action.INVOKE, m, m == HttpMethod.HEAD);
        }
        // HEAD must answer with the headers GET would have (RFC 9110), so onRequestGet beats onRequest for it.
        if (m == HttpMethod.HEAD && overridden.contains(HttpMethod.GET)) {
            return new Dispatch(Dispatch.Action.INVOKE, HttpMethod.GET, true);
        }
        if (any) {
            return new Dispatch(Dispatch.Action.INVOKE, null, m == HttpMethod.HEAD);
        }
        if (m == HttpMethod.OPTIONS) {
            return Dispatch.AUTO_OPTIONS;
        }
        return Dispatch.NOT_ALLOWED;
    }

    private String allowHeader() {
        StringJoiner j = new StringJoiner(", ");
        for (HttpMethod m : HttpMethod.values()) {
            if (dispatch.get(m).action() != Dispatch.Action.NOT_ALLOWED) {
                j.add(m.name());
            }
        }
        return j.toString();
    }

    /** What to do for a request method; methods outside the seven are never allowed. */
    public Dispatch dispatch(String method) {
        HttpMethod m = HttpMethod.of(method);
        return m == null ? Dispatch.NOT_ALLOWED : dispatch.get(m);
    }

    /**
     * Calls the handler method {@code d} names.
     *
     * @return the response now (possibly null), or the stage an async handler returned
     */
    public Result invoke(Dispatch d, Context ctx) throws Exception {
        HttpMethod m = d.call();
        if (handler instanceof Handler h) {
            return Result.ready(call(h, m, ctx));
        }
        AsyncHandler h = (AsyncHandler) handler;
        CompletionStage<Response> stage;
        if (m == null) {
            stage = h.onRequest(ctx);
        } else {
            switch (m) {
                case GET: stage = h.onRequestGet(ctx); break;
                case HEAD: stage = h.onRequestHead(ctx); break;
                case POST: stage = h.onRequestPost(ctx); break;
                case PUT: stage = h.onRequestPut(ctx); break;
                case PATCH: stage = h.onRequestPatch(ctx); break;
                case DELETE: stage = h.onRequestDelete(ctx); break;
                default: stage = h.onRequestOptions(ctx); break;
            }
        }
        if (stage == null) {
            throw new IllegalStateException(source + " returned a null CompletionStage");
        }
        return Result.pending(stage);
    }

    private static Response call(Handler h, HttpMethod m, Context ctx) throws Exception {
        if (m == null) {
            return h.onRequest(ctx);
        }
        switch (m) {
            case GET: return h.onRequestGet(ctx);
            case HEAD: return h.onRequestHead(ctx);
            case POST: return h.onRequestPost(ctx);
            case PUT: return h.onRequestPut(ctx);
            case PATCH: return h.onRequestPatch(ctx);
            case DELETE: return h.onRequestDelete(ctx);
            default: return h.onRequestOptions(ctx);
        }
    }

    /** The {@code Allow} header value: the methods this endpoint answers. */
    public String allow() {
        return allow;
    }

    /** The handler's class name, for logs and the route listing. */
    public String source() {
        return source;
    }

    public Object handler() {
        return handler;
    }

    /** Methods with their own handler method, plus {@code *} when {@code onRequest} serves the rest. */
    public String describeMethods() {
        return servesAny ? "*" : allow;
    }

    EnumSet<HttpMethod> served() {
        return EnumSet.copyOf(served);
    }
}
