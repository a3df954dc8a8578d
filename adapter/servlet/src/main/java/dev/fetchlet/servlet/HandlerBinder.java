package dev.fetchlet.servlet;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Handler;
import dev.fetchlet.dispatch.HandlerMethods;

/** Fetch handlers: classes implementing {@link Handler} or {@link AsyncHandler}. Always bound, by the core. */
final class HandlerBinder implements RouteBinder {
    @Override
    public boolean accepts(Class<?> type) {
        return Handler.class.isAssignableFrom(type) || AsyncHandler.class.isAssignableFrom(type);
    }

    @Override
    public String describe() {
        return "Handler or AsyncHandler";
    }

    @Override
    public RouteTarget bind(Class<?> type, String pattern, Deployment.Builder deployment) {
        return new HandlerRoute(HandlerMethods.of(HandlerScanner.instantiate(type)));
    }
}
