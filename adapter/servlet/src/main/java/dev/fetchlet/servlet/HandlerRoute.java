package dev.fetchlet.servlet;

import dev.fetchlet.Context;
import dev.fetchlet.dispatch.Dispatch;
import dev.fetchlet.dispatch.HandlerMethods;
import dev.fetchlet.websocket.WebSocketSupport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;

/** A route served by a Fetch handler: method dispatch, the body limit, then the call. */
final class HandlerRoute implements RouteTarget {
    private final HandlerMethods methods;
    private final String label;

    HandlerRoute(HandlerMethods methods) {
        this.methods = methods;
        this.label = "Handler " + methods.source();
    }

    @Override
    public void serve(RequestScope scope, FilterChain chain) throws IOException, ServletException {
        Dispatch dispatch = methods.dispatch(scope.request().getMethod());
        switch (dispatch.action()) {
            case NOT_ALLOWED:
                if (WebSocketSupport.asksForWebSocket(scope.request())) {
                    // A WebSocket handshake in another method is a malformed handshake (RFC 6455 4.2.1), not a
                    // request for another method of the route: the same 400 a route that takes the method gives.
                    scope.error(400, "A WebSocket handshake must be a GET request, not " + scope.request().getMethod());
                    return;
                }
                scope.notAllowed(methods.allow());
                return;
            case AUTO_OPTIONS:
                scope.allowOptions(methods.allow());
                return;
            default:
                break;
        }
        if (scope.refusedOversized()) {
            return;
        }
        Context ctx = scope.context();
        // A handler answers with a response, or with a WebSocket upgrade in the shape of one: write does both.
        scope.answer(label, response -> scope.write(response, dispatch.omitBody()), () -> methods.invoke(dispatch, ctx));
    }

    @Override
    public String source() {
        return methods.source();
    }

    @Override
    public String methods() {
        return methods.describeMethods();
    }
}
