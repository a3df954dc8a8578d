package dev.fetchlet.servlet;

import dev.fetchlet.function.FetchletFunction;
import jakarta.servlet.ServletContext;

/** Functions with a {@code @Route} of their own: served at that pattern instead of the function path. */
final class FunctionKind implements RouteKind {
    @Override
    public boolean accepts(Class<?> type) {
        return FetchletFunction.class.isAssignableFrom(type);
    }

    @Override
    public String describe() {
        return "HttpFunction or CloudEventFunction";
    }

    @Override
    public RouteTarget create(Class<?> type, String pattern, Deployment deployment, ServletContext context) {
        return FunctionRegistry.of(context).create(type, deployment, context);
    }
}
