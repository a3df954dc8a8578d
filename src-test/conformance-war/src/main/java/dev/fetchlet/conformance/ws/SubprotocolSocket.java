package dev.fetchlet.conformance.ws;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketOptions;
import dev.fetchlet.WebSocketSession;

/** Speaks {@code chat.v2} and {@code chat.v1}; on open, sends the subprotocol agreed ({@code none} if none). */
@Route("/conformance/ws/subprotocol")
public class SubprotocolSocket implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.webSocket(new WebSocketListener() {
            @Override
            public void onOpen(WebSocketSession session) {
                session.sendText(session.subprotocol().isEmpty() ? "none" : session.subprotocol());
            }
        }, WebSocketOptions.defaults().subprotocols("chat.v2", "chat.v1"));
    }
}
