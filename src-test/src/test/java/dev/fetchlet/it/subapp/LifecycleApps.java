package dev.fetchlet.it.subapp;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.InitParam;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.mount.SubApp;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The route classes {@link MountLifecycleTest} deploys with {@link OwnApp}. */
final class LifecycleApps {
    private LifecycleApps() {
    }

    /** A plain servlet mount that counts its init and destroy calls and answers with its view of the request. */
    @Route("/mounted/[[rest]]")
    @InitParam(name = "greeting", value = "hello")
    @InitParam(name = "mode", value = "test")
    public static class EchoMount extends HttpServlet {
        static final AtomicInteger INITS = new AtomicInteger();
        static final AtomicInteger DESTROYS = new AtomicInteger();
        static volatile List<String> paramNames = List.of();
        static volatile String servletName;

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            INITS.incrementAndGet();
            paramNames = Collections.list(config.getInitParameterNames());
            servletName = config.getServletName();
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            res.setContentType("text/plain;charset=UTF-8");
            res.getWriter().print(String.join("|", req.getMethod(), req.getContextPath(), req.getServletPath(),
                    req.getPathInfo(), req.getRequestURI(), String.valueOf(req.getQueryString()),
                    getInitParameter("greeting"), SubApp.requestId(req)));
        }

        @Override
        public void destroy() {
            DESTROYS.incrementAndGet();
        }
    }

    /** A mount whose prefix has a dynamic segment: {@code /t/acme/x} is mounted at {@code /t/acme}. */
    @Route("/t/[tenant]/[[rest]]")
    public static class TenantMount extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Context ctx = SubApp.context(req);
            res.setContentType("text/plain;charset=UTF-8");
            res.getWriter().print(String.join("|", req.getContextPath(), req.getPathInfo(),
                    ctx.params().get("tenant")));
        }
    }

    /** A Fetch handler beside the mount. */
    @Route("/mounted/health")
    public static class SiblingHandler implements Handler {
        @Override
        public Response onRequest(Context ctx) {
            return Response.text("handler");
        }
    }

    /** A Fetch handler at the mount's folder: a duplicate of the route the mount takes there. */
    @Route("/mounted")
    public static class FolderHandler implements Handler {
        @Override
        public Response onRequest(Context ctx) {
            return Response.text("folder");
        }
    }

    /** A servlet at a route that is not a catch-all. */
    @Route("/plain")
    public static class NotCatchAll extends HttpServlet {
    }
}
