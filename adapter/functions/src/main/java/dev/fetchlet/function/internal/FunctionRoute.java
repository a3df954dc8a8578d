package dev.fetchlet.function.internal;

import dev.fetchlet.Context;
import dev.fetchlet.HttpException;
import dev.fetchlet.Request;
import dev.fetchlet.Response;
import dev.fetchlet.cloudevent.CloudEventReader;
import dev.fetchlet.cloudevent.CloudEventWriter;
import dev.fetchlet.servlet.RequestScope;
import dev.fetchlet.servlet.RouteTarget;
import dev.fetchlet.dispatch.Result;
import dev.fetchlet.function.Body;
import dev.fetchlet.function.CloudEventFunction;
import dev.fetchlet.function.EventData;
import dev.fetchlet.function.FetchletFunction;
import dev.fetchlet.function.FunctionContext;
import dev.fetchlet.function.HttpFunction;
import io.cloudevents.CloudEvent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A route served by a Knative-style function. GET, HEAD and POST call it, OPTIONS answers the CORS preflight,
 * other methods get 405. The body is read within the body limit, CloudEvents are parsed (400 when malformed),
 * and the call runs through the same {@link RequestScope} as a Fetch handler: wall-time
 * limit, request id, error replies, metrics.
 */
final class FunctionRoute implements RouteTarget {
    private final FetchletFunction function;
    private final Cors cors;
    private final Logger log;
    private final String label;
    final InFlight inFlight = new InFlight();

    FunctionRoute(FetchletFunction function, FunctionConfig config) {
        this.function = function;
        this.cors = new Cors(config.corsOrigins);
        this.log = LoggerFactory.getLogger(function.getClass());
        this.label = "Handler " + function.getClass().getName();
    }

    FetchletFunction function() {
        return function;
    }

    @Override
    public void serve(RequestScope scope, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = scope.request();
        HttpServletResponse res = scope.response();
        String method = scope.method();
        Context ctx = scope.context();
        if (method.equals("OPTIONS")) {
            cors.preflight(ctx.request(), res);
            return;
        }
        cors.apply(ctx.request(), res);
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("POST")) {
            scope.notAllowed(Cors.METHODS);
            return;
        }
        if (scope.refusedOversized()) {
            return;
        }
        boolean omitBody = method.equals("HEAD");
        inFlight.enter();
        try {
            scope.answer(label, response -> scope.write(response, omitBody), () -> invoke(ctx, res));
        } finally {
            scope.whenAnswered(inFlight::leave);
        }
    }

    /** Reads the body, calls the function once per event (or once for plain HTTP), maps what it returns. */
    private Result invoke(Context ctx, HttpServletResponse res) throws Exception {
        Request request = ctx.request();
        byte[] body = request.bytes();
        CloudEventReader.Incoming incoming = CloudEventReader.read(request.headers(), body);
        FunctionContext plain = FunctionContext.of(ctx, null, log);
        switch (incoming.mode()) {
            case NONE:
                if (!(function instanceof HttpFunction http)) {
                    throw HttpException.badRequest("This function takes CloudEvents: send the ce-id, ce-source, "
                            + "ce-type and ce-specversion headers, or a " + CloudEventReader.STRUCTURED + " body");
                }
                return reply(http.handle(plain, Body.of(body, request.contentType())), incoming.mode(), res);
            case BATCH:
                List<CloudEvent> replies = new ArrayList<>();
                for (CloudEvent event : incoming.events()) {
                    Object result = await(call(plain.withCloudEvent(event), event));
                    if (result instanceof CloudEvent reply) {
                        replies.add(reply);
                    } else if (result != null) {
                        throw new IllegalStateException("A function answering a batch of CloudEvents returns a "
                                + "CloudEvent or null, not " + result.getClass().getName());
                    }
                }
                return Result.ready(Cors.ownHeaders(CloudEventWriter.batch(replies), res));
            default:
                CloudEvent event = incoming.events().get(0);
                return reply(call(plain.withCloudEvent(event), event), incoming.mode(), res);
        }
    }

    private Object call(FunctionContext ctx, CloudEvent event) throws Exception {
        if (function instanceof CloudEventFunction events) {
            return events.handle(ctx, event);
        }
        return ((HttpFunction) function).handle(ctx, Body.of(EventData.bytes(event), event.getDataContentType()));
    }

    private Result reply(Object result, CloudEventReader.Mode mode, HttpServletResponse res) {
        if (result instanceof CompletionStage<?> stage) {
            return Result.pending(stage.thenApply(value -> Cors.ownHeaders(FunctionReturns.map(value, mode), res)));
        }
        return Result.ready(Cors.ownHeaders(FunctionReturns.map(result, mode), res));
    }

    // Batch calls run one after another on the request's thread, so an asynchronous result is awaited here;
    // the wall-time limit interrupts the wait.
    private static Object await(Object result) throws Exception {
        if (result instanceof CompletionStage<?> stage) {
            try {
                return stage.toCompletableFuture().get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
        return result;
    }

    @Override
    public String source() {
        return function.getClass().getName();
    }

    @Override
    public String methods() {
        return Cors.METHODS;
    }
}
