package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads the body as a stream and answers with its size. {@code ?twice=true} reads it a second time, which
 * must fail: a body is read once.
 */
@Route("/conformance/body")
public class BodyReader implements Handler {
    @Override
    public Response onRequestPost(Context ctx) throws Exception {
        long total = 0;
        byte[] buf = new byte[8192];
        try (InputStream in = ctx.request().body()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
            }
        }
        if ("true".equals(ctx.request().query("twice"))) {
            ctx.request().text();
        }
        return Response.json(Map.of("bytes", total, "bodyUsed", ctx.request().bodyUsed()));
    }
}
