package dev.fetchlet.conformance;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Context;
import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Answers {@code ?ms=} later from another thread; {@code ?fail=true} fails the stage with a 409. */
@Route("/conformance/async")
public class Async implements AsyncHandler {
    @Override
    public CompletionStage<Response> onRequestGet(Context ctx) {
        long ms = Queries.number(ctx, "ms", 50, 0, 600_000);
        boolean fail = "true".equals(ctx.request().query("fail"));
        String id = ctx.uuid();
        return CompletableFuture.supplyAsync(() -> {
            if (fail) {
                throw new HttpException(409, "async conflict");
            }
            return Response.text("async " + id);
        }, CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
    }
}
