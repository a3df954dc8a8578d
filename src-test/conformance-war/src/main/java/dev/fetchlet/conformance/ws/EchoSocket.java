package dev.fetchlet.conformance.ws;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketSession;
import java.nio.ByteBuffer;

/** Sends every text and binary message back as it came; the text {@code close} closes with 4000. */
@Route("/conformance/ws/echo")
public class EchoSocket implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.webSocket(new WebSocketListener() {
            @Override
            public void onMessage(WebSocketSession session, String text) {
                if (text.equals("close")) {
                    session.close(4000, "asked to close");
                } else {
                    session.sendText(text);
                }
            }

            @Override
            public void onMessage(WebSocketSession session, ByteBuffer data) {
                session.sendBinary(data);
            }
        });
    }
}
