package dev.fetchlet.conformance.ws;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketOptions;
import dev.fetchlet.WebSocketSession;

/**
 * A WebSocket that pages of one other site may open besides this site's own: {@code https://app.fetchlet.test}
 * (any spelling of it, {@code :443} or not), and the opaque origin {@code null} of a sandboxed frame. Every other
 * origin gets 403 before {@code onOpen}, which sends {@code opened}.
 */
@Route("/conformance/ws/allow-listed")
public class AllowListedSocket implements Handler {
    private static final WebSocketOptions OPTIONS =
            WebSocketOptions.defaults().allowedOrigins("https://app.fetchlet.test", "null");

    @Override
    public Response onRequestGet(Context ctx) {
        return Response.webSocket(new WebSocketListener() {
            @Override
            public void onOpen(WebSocketSession session) {
                session.sendText("opened");
            }
        }, OPTIONS);
    }
}
