package dev.fetchlet.conformance.ws;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketSession;

/**
 * Answers every method with an upgrade, so that a handshake sent with a method other than GET reaches the
 * upgrade (which refuses it with 400) rather than a 405 from the router; sends {@code opened} on open.
 */
@Route("/conformance/ws/any-method")
public class AnyMethodSocket implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        return Response.webSocket(new WebSocketListener() {
            @Override
            public void onOpen(WebSocketSession session) {
                session.sendText("opened");
            }
        });
    }
}
