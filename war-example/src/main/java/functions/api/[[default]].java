package functions.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import java.util.Map;

/** {@code /api/[[default]]}: every path below {@code /api} that no more specific route takes. */
class ApiDefault implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        return Response.json(Map.of(
                "route", "/api/[[default]]",
                "segments", ctx.params().list("default"),
                "path", ctx.params().get("default"),
                "method", ctx.request().method()));
    }
}
