package dev.fetchlet.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters that must run ahead of Fetchlet's dispatcher (the metrics filter), run inside the one container filter
 * the dispatcher is mapped as. Mapped as filters of their own, their order would be the container's choice: the
 * Servlet spec leaves open how several filters mapped before the declared ones are ordered, and where Tomcat and
 * Jetty keep the order of mapping, GlassFish and Payara reverse it, so the dispatcher answered first there and
 * the metrics never counted a request.
 *
 * <pre>{@code
 * LeadingFilters.add(context, new MetricsFilter(metrics));                     // while deploying
 * context.addFilter("fetchlet", LeadingFilters.ahead(context, dispatcher));    // last
 * }</pre>
 */
final class LeadingFilters {
    private static final String ATTRIBUTE = "dev.fetchlet.leadingFilters";

    private LeadingFilters() {
    }

    /** Queues a filter to run ahead of the dispatcher, after those queued before it. */
    @SuppressWarnings("unchecked")
    static void add(ServletContext context, Filter filter) {
        List<Filter> leading = (List<Filter>) context.getAttribute(ATTRIBUTE);
        if (leading == null) {
            leading = new ArrayList<>();
            context.setAttribute(ATTRIBUTE, leading);
        }
        leading.add(filter);
    }

    /** The dispatcher with the queued filters ahead of it, as one filter; the queue is emptied. */
    @SuppressWarnings("unchecked")
    static Filter ahead(ServletContext context, Filter dispatcher) {
        List<Filter> leading = (List<Filter>) context.getAttribute(ATTRIBUTE);
        context.removeAttribute(ATTRIBUTE);
        if (leading == null || leading.isEmpty()) {
            return dispatcher;
        }
        List<Filter> all = new ArrayList<>(leading);
        all.add(dispatcher);
        return new Sequence(List.copyOf(all));
    }

    /** Filters run one after the other, the last one handed the container's own chain. */
    private static final class Sequence implements Filter {
        private final Filter[] filters;

        Sequence(List<Filter> filters) {
            this.filters = filters.toArray(new Filter[0]);
        }

        @Override
        public void init(FilterConfig config) throws ServletException {
            for (Filter f : filters) {
                f.init(config);
            }
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            run(0, request, response, chain);
        }

        private void run(int index, ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (index == filters.length - 1) {
                filters[index].doFilter(request, response, chain);
            } else {
                filters[index].doFilter(request, response, (req, res) -> run(index + 1, req, res, chain));
            }
        }

        @Override
        public void destroy() {
            for (Filter f : filters) {
                f.destroy();
            }
        }
    }
}
