package dev.fetchlet.servletonly;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketSession;

/** {@code /echo}: a WebSocket that sends every text message back. */
@Route("/echo")
public class Echo implements Handler {
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
