package dev.fetchlet.conformance.ws;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketOptions;
import java.time.Duration;

/** Accepts a connection and waits: with a one-second idle timeout, a silent client is soon disconnected. */
@Route("/conformance/ws/idle")
public class IdleSocket implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.webSocket(new WebSocketListener() { },
                WebSocketOptions.defaults().idleTimeout(Duration.ofSeconds(1)));
    }
}
