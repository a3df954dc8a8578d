package dev.fetchlet.conformance.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * On open, sends the upgrade request's context as JSON: the catch-all's segments, the request id, the session
 * id, the client IP, the {@code q} query parameter and the request id the logging MDC holds during the
 * callback; any message is answered with the MDC's request id again. Shows that a WebSocket route gets the
 * HTTP context, and its log lines the request's id.
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
                info.put("mdc", MDC.get("requestId"));
                session.sendText(JSON.writeValueAsString(info));
            }

            @Override
            public void onMessage(WebSocketSession session, String text) {
                session.sendText(String.valueOf(MDC.get("requestId")));
            }
        });
    }
}
