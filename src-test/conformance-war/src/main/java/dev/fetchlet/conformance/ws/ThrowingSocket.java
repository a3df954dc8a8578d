package dev.fetchlet.conformance.ws;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketSession;

/** Echoes text, except {@code boom}, on which its listener throws: that connection closes with 1011. */
@Route("/conformance/ws/throw")
public class ThrowingSocket implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.webSocket(new WebSocketListener() {
            @Override
            public void onMessage(WebSocketSession session, String text) {
                if (text.equals("boom")) {
                    throw new IllegalStateException("listener failed on purpose");
                }
                session.sendText(text);
            }
        });
    }
}
