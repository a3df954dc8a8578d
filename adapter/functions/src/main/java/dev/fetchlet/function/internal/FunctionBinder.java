package dev.fetchlet.function.internal;

import dev.fetchlet.function.FetchletFunction;
import dev.fetchlet.servlet.Deployment;
import dev.fetchlet.servlet.RouteBinder;
import dev.fetchlet.servlet.RouteTarget;

/** Functions with a {@code @Route} of their own: served at that pattern instead of the function path. */
final class FunctionBinder implements RouteBinder {
    private final FunctionFeature feature;

    FunctionBinder(FunctionFeature feature) {
        this.feature = feature;
    }

    @Override
    public boolean accepts(Class<?> type) {
        return FetchletFunction.class.isAssignableFrom(type);
    }

    @Override
    public String describe() {
        return "HttpFunction or CloudEventFunction";
    }

    @Override
    public RouteTarget bind(Class<?> type, String pattern, Deployment.Builder deployment) {
        return feature.serve(type, deployment);
    }
}
