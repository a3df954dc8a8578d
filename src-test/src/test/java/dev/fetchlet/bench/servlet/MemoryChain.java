package dev.fetchlet.bench.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * A filter chain ending at a servlet (or nowhere), reused from call to call: {@link #run} rewinds it, so a
 * request through it allocates nothing of the chain's own.
 *
 * <pre>{@code
 * MemoryChain chain = new MemoryChain(context.filters(), null);
 * chain.run(req, res);
 * }</pre>
 */
public final class MemoryChain implements FilterChain {
    private final Filter[] filters;
    private final Servlet servlet;
    private int next;

    /** {@code servlet} may be null: a request that passes every filter then gets no answer. */
    public MemoryChain(List<Filter> filters, Servlet servlet) {
        this.filters = filters.toArray(new Filter[0]);
        this.servlet = servlet;
    }

    /** Sends one request through the whole chain. */
    public void run(ServletRequest request, ServletResponse response) throws IOException, ServletException {
        next = 0;
        doFilter(request, response);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
        if (next < filters.length) {
            filters[next++].doFilter(request, response, this);
        } else if (servlet != null) {
            servlet.service(request, response);
        }
    }
}
