package dev.fetchlet.servlet;

import dev.fetchlet.Context;
import dev.fetchlet.Response;
import dev.fetchlet.dispatch.Dispatch;
import dev.fetchlet.dispatch.Endpoint;
import dev.fetchlet.websocket.WebSocketSupport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;

/** A route served by a Fetch handler: method dispatch, the body limit, then the call. */
final class HandlerRoute implements RouteTarget {
    private final Endpoint endpoint;
    private final String label;

    HandlerRoute(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.label = "Handler " + endpoint.source();
    }

    @Override
    public void serve(RequestScope scope, FilterChain chain) throws IOException, ServletException {
        Dispatch dispatch = endpoint.dispatch(scope.request().getMethod());
        switch (dispatch.kind()) {
            case NOT_ALLOWED:
                if (WebSocketSupport.asksForWebSocket(scope.request())) {
                    // A WebSocket handshake in another method is a malformed handshake (RFC 6455 4.2.1), not a
                    // request for another method of the route: the same 400 a route that takes the method gives.
                    scope.error(400, "A WebSocket handshake must be a GET request, not " + scope.request().getMethod());
                    return;
                }
                scope.notAllowed(endpoint.allow());
                return;
            case AUTO_OPTIONS:
                scope.allowOptions(endpoint.allow());
                return;
            default:
                break;
        }
        if (scope.refusedOversized()) {
            return;
        }
        Context ctx = scope.context();
        new Exchange(scope, label, response -> write(scope, response, dispatch.omitBody()))
                .run(() -> endpoint.invoke(dispatch, ctx));
    }

    // A handler answers with a response, or with a WebSocket upgrade in the shape of one.
    private void write(RequestScope scope, Response response, boolean omitBody) throws Exception {
        if (response.webSocketUpgrade() != null) {
            WebSocketReply.send(scope, response, endpoint.source());
        } else {
            ResponseWriter.write(response, scope.response(), omitBody);
        }
    }

    @Override
    public String source() {
        return endpoint.source();
    }

    @Override
    public String methods() {
        return endpoint.describeMethods();
    }
}
