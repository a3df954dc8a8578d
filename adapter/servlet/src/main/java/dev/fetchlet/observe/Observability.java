package dev.fetchlet.observe;

import dev.fetchlet.config.Settings;
import dev.fetchlet.config.Units;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextAttributeEvent;
import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * A deployment's tracing, access log and {@code waitUntil} executor; {@link #start} opens each request's
 * {@link RequestTelemetry}.
 *
 * <p>The {@link OpenTelemetry} used is, looked up per request so an SDK installed after deployment counts: the
 * one in the servlet context attribute {@value #OPEN_TELEMETRY_ATTRIBUTE} (a deployment that builds its own SDK
 * puts it there, from a {@code ServletContextListener} say), else the global one (the Java agent, or
 * {@code GlobalOpenTelemetry.set}), else the no-op. With the no-op, no span is recorded, but an incoming
 * {@code traceparent}'s trace id still reaches the MDC and the access log.
 *
 * <p>To hand Fetchlet an SDK of the deployment's own, store it as the servlet context attribute named
 * {@link #OPEN_TELEMETRY_ATTRIBUTE} from a {@code ServletContextListener}'s {@code contextInitialized}, before
 * the first request (docs/tracing.md shows the listener).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code FUNC_ACCESS_LOG}</td><td>{@code off}</td><td>{@code json}: one JSON line per request on the
 *       logger {@code dev.fetchlet.access}</td></tr>
 *   <tr><td>{@code FUNC_GRACE_PERIOD}</td><td>{@code 30s}</td><td>how long a stop waits for pending
 *       {@code waitUntil} tasks</td></tr>
 * </table>
 */
public final class Observability {
    /** Servlet context attribute that may hold the deployment's own {@link OpenTelemetry}. */
    public static final String OPEN_TELEMETRY_ATTRIBUTE = "dev.fetchlet.openTelemetry";

    private final ServletContext servletContext;
    private final boolean accessLog;
    private final AfterResponseTasks tasks;
    private volatile Tracing tracing;
    // The attribute's value, kept current by a listener, so a request reads a field rather than the context's
    // attribute map; when no listener could be added (a deployment built after the context started), each
    // request reads the attribute.
    private volatile Object ownOpenTelemetry;
    private final boolean listening;

    private record Tracing(OpenTelemetry otel, Tracer tracer) {
    }

    private Observability(ServletContext servletContext, boolean accessLog, Duration grace) {
        this.servletContext = servletContext;
        this.accessLog = accessLog;
        this.tasks = new AfterResponseTasks(grace);
        this.listening = servletContext != null && listen(servletContext);
    }

    private boolean listen(ServletContext context) {
        try {
            context.addListener(new ServletContextAttributeListener() {
                @Override
                public void attributeAdded(ServletContextAttributeEvent e) {
                    changed(e);
                }

                @Override
                public void attributeReplaced(ServletContextAttributeEvent e) {
                    changed(e);
                }

                @Override
                public void attributeRemoved(ServletContextAttributeEvent e) {
                    changed(e);
                }
            });
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return false;
        }
        ownOpenTelemetry = context.getAttribute(OPEN_TELEMETRY_ATTRIBUTE);
        return true;
    }

    // A replacement's event carries the old value: the context has the new one.
    private void changed(ServletContextAttributeEvent e) {
        if (OPEN_TELEMETRY_ATTRIBUTE.equals(e.getName())) {
            ownOpenTelemetry = servletContext.getAttribute(OPEN_TELEMETRY_ATTRIBUTE);
        }
    }

    /** @throws IllegalArgumentException naming a malformed setting, so the deployment fails early */
    public static Observability load(Settings settings, ServletContext servletContext) {
        boolean accessLog = AccessLog.enabled(settings.get(AccessLog.SETTING));
        String grace = settings.get("FUNC_GRACE_PERIOD");
        return new Observability(servletContext, accessLog,
                grace == null ? Duration.ofSeconds(30) : Units.duration("FUNC_GRACE_PERIOD", grace));
    }

    public boolean accessLog() {
        return accessLog;
    }

    public AfterResponseTasks afterResponseTasks() {
        return tasks;
    }

    /** Opens a request's telemetry: its span, log context, and (access log on) byte count. */
    public RequestTelemetry start(HttpServletRequest req, HttpServletResponse res) {
        Tracing t = tracing();
        return new RequestTelemetry(this, ServerSpan.start(t.otel(), t.tracer(), req), req, res);
    }

    /** Waits for the pending {@code waitUntil} tasks within the grace period, then stops their executor. */
    public void close() {
        tasks.close();
    }

    // An app server may load its own, older OpenTelemetry API ahead of the WAR's (Payara's MicroProfile
    // Telemetry does). Such an API has no getOrNoop; its global instance is the server's to set, so get() is
    // asked there instead.
    private static final boolean GET_OR_NOOP = hasGetOrNoop();

    private static boolean hasGetOrNoop() {
        try {
            GlobalOpenTelemetry.class.getMethod("getOrNoop");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static OpenTelemetry global() {
        return GET_OR_NOOP ? GlobalOpenTelemetry.getOrNoop() : GlobalOpenTelemetry.get();
    }

    private Tracing tracing() {
        Object own = listening ? ownOpenTelemetry
                : servletContext == null ? null : servletContext.getAttribute(OPEN_TELEMETRY_ATTRIBUTE);
        OpenTelemetry otel = own instanceof OpenTelemetry o ? o : global();
        Tracing t = tracing;
        if (t == null || t.otel() != otel) {
            t = new Tracing(otel, otel.getTracer(ServerSpan.SCOPE_NAME));
            tracing = t;
        }
        return t;
    }
}
