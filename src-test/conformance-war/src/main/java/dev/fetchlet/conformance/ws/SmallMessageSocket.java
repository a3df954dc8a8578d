package dev.fetchlet.conformance.ws;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketOptions;
import dev.fetchlet.WebSocketSession;
import java.nio.ByteBuffer;

/** Echoes messages of up to {@value #LIMIT} bytes; a larger one closes the connection with 1009. */
@Route("/conformance/ws/small")
public class SmallMessageSocket implements Handler {
    public static final int LIMIT = 1024;

    @Override
    public Response onRequestGet(Context ctx) {
        return Response.webSocket(new WebSocketListener() {
            @Override
            public void onMessage(WebSocketSession session, String text) {
                session.sendText("got " + text.length());
            }

            @Override
            public void onMessage(WebSocketSession session, ByteBuffer data) {
                session.sendText("got " + data.remaining());
            }
        }, WebSocketOptions.defaults().maxMessageSize(LIMIT));
    }
}
