package dev.fetchlet.servlet;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Handler;
import dev.fetchlet.dispatch.Endpoint;
import jakarta.servlet.ServletContext;

/** Fetch handlers: classes implementing {@link Handler} or {@link AsyncHandler}. */
final class HandlerKind implements RouteKind {
    @Override
    public boolean accepts(Class<?> type) {
        return Handler.class.isAssignableFrom(type) || AsyncHandler.class.isAssignableFrom(type);
    }

    @Override
    public String describe() {
        return "Handler or AsyncHandler";
    }

    @Override
    public RouteTarget create(Class<?> type, String pattern, Deployment deployment, ServletContext context) {
        return new HandlerRoute(Endpoint.of(HandlerScanner.instantiate(type)));
    }
}
