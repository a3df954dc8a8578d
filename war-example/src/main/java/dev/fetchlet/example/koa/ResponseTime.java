package dev.fetchlet.example.koa;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * The Koa template's response-time middleware as a JAX-RS filter: every answer carries
 * {@code X-Response-Time: <n>ms}, the time from the request's arrival in the app to its answer.
 */
@Provider
@PreMatching
public class ResponseTime implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = ResponseTime.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (started instanceof Long t) {
            long ms = (System.nanoTime() - t) / 1_000_000;
            response.getHeaders().putSingle("X-Response-Time", ms + "ms");
        }
    }
}
