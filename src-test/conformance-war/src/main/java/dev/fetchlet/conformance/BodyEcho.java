package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.Map;

/**
 * Sends the body back as it was read: {@code /conformance/echo/text} through {@code text()} (decoded in the
 * request's charset, answered as UTF-8), {@code /bytes} through {@code bytes()}, {@code /record} through
 * {@code json(Class)} into a record.
 */
@Route("/conformance/echo/[how]")
public class BodyEcho implements Handler {
    /** The shape {@code /conformance/echo/record} binds the JSON body to. */
    public record Item(String name, int quantity) {
    }

    @Override
    public Response onRequestPost(Context ctx) {
        switch (ctx.params().get("how")) {
            case "text":
                return Response.text(ctx.request().text());
            case "bytes":
                byte[] body = ctx.request().bytes();
                return Response.bytes(body, "application/octet-stream").header("X-Body-Length", String.valueOf(body.length));
            case "record":
                Item item = ctx.request().json(Item.class);
                return Response.json(Map.of("type", item.getClass().getSimpleName(), "name", item.name(),
                        "quantity", item.quantity()));
            default:
                return null;
        }
    }
}
