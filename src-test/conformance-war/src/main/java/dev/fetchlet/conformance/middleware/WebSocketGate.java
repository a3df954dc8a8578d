package dev.fetchlet.conformance.middleware;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Middleware;
import dev.fetchlet.MiddlewarePath;
import dev.fetchlet.Next;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketSession;

/** A middleware that refuses WebSocket upgrades under {@code /conformance/mw-ws} unless {@code ?ticket=ok}. */
@MiddlewarePath("/conformance/mw-ws")
public final class WebSocketGate implements Middleware {
    @Override
    public Response onRequest(Context ctx, Next next) throws Exception {
        if (!"ok".equals(ctx.request().query("ticket"))) {
            return Response.text("no ticket").status(403);
        }
        Response upgrade = next.proceed();
        return upgrade.header("X-Gate", "passed");
    }

    /** Echoes text. */
    @Route("/conformance/mw-ws/echo")
    public static final class Echo implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.webSocket(new WebSocketListener() {
                @Override
                public void onMessage(WebSocketSession session, String text) {
                    session.sendText(text);
                }
            });
        }
    }
}
