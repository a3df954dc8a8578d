package dev.fetchlet.example.chat.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketSession;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * On open, sends the upgrade request's context as JSON: the catch-all's segments, the request id, the session
 * id, the client IP and the {@code q} query parameter. Shows that a WebSocket route gets the HTTP context.
 */
@Route("/conformance/ws/context/[[path]]")
public class ContextSocket implements Handler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Response onRequestGet(Context ctx) {
        return Response.webSocket(new WebSocketListener() {
            @Override
            public void onOpen(WebSocketSession session) throws Exception {
                Context c = session.context();
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("path", c.params().list("path"));
                info.put("uuid", c.uuid());
                info.put("sessionId", session.id());
                info.put("clientIp", c.clientIp());
                info.put("q", c.request().query("q"));
                session.sendText(JSON.writeValueAsString(info));
            }
        });
    }
}
