package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers with every field of the context, so tests can check what a handler sees. */
@Route("/conformance/context")
public class ContextEcho implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", ctx.request().method());
        out.put("url", ctx.request().url());
        out.put("path", ctx.request().path());
        out.put("query", ctx.request().queryParams());
        out.put("uuid", ctx.uuid());
        out.put("requestId", ctx.server().requestId());
        out.put("region", ctx.server().region());
        out.put("clientIp", ctx.clientIp());
        out.put("geo", ctx.geo());
        out.put("params", ctx.params().asMap());
        out.put("envHasPath", ctx.env().containsKey("PATH"));
        out.put("headerNames", ctx.request().headers().names());
        return Response.json(out);
    }
}
