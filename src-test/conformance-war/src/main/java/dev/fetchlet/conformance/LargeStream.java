package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.Arrays;

/** Streams {@code ?mb=} megabytes generated on the fly: a body far larger than it would be wise to hold. */
@Route("/conformance/stream")
public class LargeStream implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        int mb = (int) Queries.number(ctx, "mb", 1, 0, 1024);
        return Response.stream("application/octet-stream", out -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < mb * 16; i++) {
                out.write(chunk);
            }
        });
    }
}
