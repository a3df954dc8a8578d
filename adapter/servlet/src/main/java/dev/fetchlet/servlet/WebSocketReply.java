package dev.fetchlet.servlet;

import dev.fetchlet.Response;
import dev.fetchlet.WebSocketUpgrade;
import dev.fetchlet.websocket.HandshakeCheck;
import dev.fetchlet.websocket.OriginCheck;
import dev.fetchlet.websocket.WebSocketSupport;
import dev.fetchlet.websocket.WebSocketUpgrader;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * Answers a handler's upgrade response: the WebSocket handshake for a valid WebSocket request, 400 or 426 for an
 * invalid one (RFC 6455, section 4.2.1), 403 for one from a page of another origin ({@link OriginCheck}), 426
 * Upgrade Required for any other (RFC 9110, section 15.5.22: the reply names the protocol to switch to).
 */
final class WebSocketReply {
    private WebSocketReply() {
    }

    static void send(RequestScope scope, Response response, String source) throws IOException, ServletException {
        HttpServletRequest req = scope.request();
        HttpServletResponse res = scope.response();
        Deployment deployment = scope.deployment();
        WebSocketUpgrade upgrade = response.webSocketUpgrade();
        // Headers the handler (or a middleware) set go out with the answer, the 101 or a refusal: cookies, say.
        java.util.Set<String> already = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        already.addAll(res.getHeaderNames());
        response.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")
                    && !already.contains(name)) {
                res.addHeader(name, value); // every value: two Set-Cookie fields stay two
            }
        });
        if (!WebSocketSupport.asksForWebSocket(req)) {
            res.setHeader("Upgrade", "websocket");
            res.setHeader("Connection", "Upgrade");
            scope.error(426, "This route speaks WebSocket: send a GET with Upgrade: websocket");
            return;
        }
        // Before the container sees it: containers refuse bad handshakes differently (a 500, or even a 101).
        HandshakeCheck.Refusal refusal = HandshakeCheck.check(req);
        if (refusal != null) {
            if (refusal.askForVersion()) {
                res.setHeader("Sec-WebSocket-Version", HandshakeCheck.VERSION);
            }
            scope.error(refusal.status(), refusal.message());
            return;
        }
        // Cross-site WebSocket hijacking: refused before the container upgrades, so no listener ever runs.
        List<String> origins = req.getHeaders("Origin") == null ? List.of() : Collections.list(req.getHeaders("Origin"));
        refusal = OriginCheck.check(origins, scope.origin().scheme(), scope.origin().host(),
                deployment.config.webSocketAllowedOrigins(), upgrade.options().allowedOrigins());
        if (refusal != null) {
            scope.error(refusal.status(), refusal.message());
            return;
        }
        if (!WebSocketSupport.isAvailable(req.getServletContext().getClassLoader())) {
            throw new ServletException("This servlet container has no Jakarta WebSocket API, so " + source
                    + " cannot accept WebSocket connections");
        }
        if (req.isAsyncStarted()) {
            // The servlet API cannot upgrade a request that went asynchronous.
            throw new IllegalStateException(source + " returned a WebSocket upgrade from a stage that completed "
                    + "later; return it directly, or as an already completed stage");
        }
        WebSocketUpgrader.upgrade(req, res, scope.context(), upgrade, deployment.config.webSocketMaxMessage(),
                deployment.config.webSocketIdleTimeout(), source);
    }
}
