package dev.fetchlet.servlet;

import dev.fetchlet.Context;
import dev.fetchlet.Headers;
import dev.fetchlet.Request;
import dev.fetchlet.dispatch.Dispatch;
import dev.fetchlet.dispatch.Endpoint;
import dev.fetchlet.dispatch.Origin;
import dev.fetchlet.routing.RouteMatch;
import dev.fetchlet.websocket.WebSocketSupport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A route served by a Fetch handler: method dispatch, limits, the context, then the call. */
final class HandlerRoute implements RouteTarget {
    static final String REQUEST_ID_HEADER = "Functions-Request-Id";

    private final Endpoint endpoint;
    private final Deployment deployment;

    HandlerRoute(Endpoint endpoint, Deployment deployment) {
        this.endpoint = endpoint;
        this.deployment = deployment;
    }

    @Override
    public void serve(HttpServletRequest req, HttpServletResponse res, RouteMatch<RouteTarget> match, FilterChain chain)
            throws IOException, ServletException {
        Headers headers = ServletRequests.headers(req);
        Origin origin = Origin.resolve(req.getRemoteAddr(), headers, req.getScheme(), ServletRequests.host(req),
                deployment.config);
        res.setHeader(REQUEST_ID_HEADER, origin.requestId());
        Dispatch dispatch = endpoint.dispatch(req.getMethod());
        switch (dispatch.kind()) {
            case NOT_ALLOWED:
                if (WebSocketSupport.asksForWebSocket(req)) {
                    // A WebSocket handshake in another method is a malformed handshake (RFC 6455 4.2.1), not a
                    // request for another method of the route: the same 400 a route that takes the method gives.
                    ErrorReply.send(res, 400, "A WebSocket handshake must be a GET request, not " + req.getMethod(),
                            origin.requestId());
                    return;
                }
                res.setHeader("Allow", endpoint.allow());
                ErrorReply.send(res, 405, req.getMethod() + " is not allowed here; allowed: " + endpoint.allow(),
                        origin.requestId());
                return;
            case AUTO_OPTIONS:
                res.setHeader("Allow", endpoint.allow());
                res.setStatus(204);
                return;
            default:
                break;
        }
        long limit = deployment.config.bodyLimit();
        if (req.getContentLengthLong() > limit) {
            // Refuse before reading: the declared size alone is enough to know the answer.
            res.setHeader("Connection", "close");
            ErrorReply.send(res, 413, LimitedInputStream.tooLarge(limit).getMessage(), origin.requestId());
            return;
        }
        Request request = ServletRequests.request(req, headers, origin, limit);
        Context ctx = Context.builder(request)
                .params(match.params())
                .sharedEnv(deployment.env)
                .uuid(origin.requestId())
                .clientIp(origin.clientIp())
                .region(deployment.config.region())
                .geo(origin.geo())
                .build();
        req.setAttribute(WebSocketReply.CONTEXT_ATTRIBUTE, ctx); // an upgrade response hands it to the session
        RouteMetrics.tag(req, match.pattern());
        new Exchange(req, res, dispatch.omitBody(), origin.requestId(), endpoint.source(), deployment)
                .run(() -> endpoint.invoke(dispatch, ctx));
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
