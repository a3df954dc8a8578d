package dev.fetchlet.it.subapp;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.mount.SubApp;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** The route classes {@link LazyMountTest} deploys with {@link OwnApp}. */
final class LazyApps {
    private LazyApps() {
    }

    /**
     * A mount whose init takes a while, as a framework's does, and counts its calls; it answers with its path and
     * the request id and context id it was handed.
     */
    @Route("/lazy/[[rest]]")
    public static class SlowStartMount extends HttpServlet {
        static final AtomicInteger INITS = new AtomicInteger();
        static final AtomicInteger DESTROYS = new AtomicInteger();

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            INITS.incrementAndGet();
            try {
                Thread.sleep(300); // long enough for concurrent first requests to arrive while it runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException("interrupted", e);
            }
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Context ctx = SubApp.context(req);
            res.setContentType("text/plain;charset=UTF-8");
            res.getWriter().print(String.join("|", req.getPathInfo(), SubApp.requestId(req), ctx.uuid()));
        }

        @Override
        public void destroy() {
            DESTROYS.incrementAndGet();
        }
    }

    /** A mount whose init fails while {@link #FAIL} is set, as one whose database is not reachable yet. */
    @Route("/flaky/[[rest]]")
    public static class FlakyMount extends HttpServlet {
        static volatile boolean FAIL = true;
        static final AtomicInteger ATTEMPTS = new AtomicInteger();

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            ATTEMPTS.incrementAndGet();
            if (FAIL) {
                throw new ServletException("database not reachable");
            }
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            res.setContentType("text/plain;charset=UTF-8");
            res.getWriter().print("up");
        }
    }

    /** A Fetch handler beside the mounts. */
    @Route("/hello")
    public static class Hello implements Handler {
        @Override
        public Response onRequest(Context ctx) {
            return Response.text("hello");
        }
    }
}
