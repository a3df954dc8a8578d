package dev.fetchlet.function.internal;

import dev.fetchlet.function.FetchletFunction;
import dev.fetchlet.function.LogLevel;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops a deployment's functions. {@code contextInitialized} runs once the route table is built and
 * before the container lets requests in: it applies the log level, then calls each {@code init()}; one that
 * throws fails the deployment. {@code contextDestroyed} runs when the web app stops, after the container has
 * let in-flight requests finish (the launcher's graceful stop); it still waits, up to the wall-time limit,
 * for function calls in flight, then calls each started function's {@code shutdown()} exactly once.
 */
final class FunctionLifecycle implements ServletContextListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    private final List<FunctionRoute> routes;
    private final FunctionConfig config;
    private final Duration drainLimit;
    private final List<FetchletFunction> started = new ArrayList<>();

    FunctionLifecycle(List<FunctionRoute> routes, FunctionConfig config, Duration drainLimit) {
        this.routes = List.copyOf(routes);
        this.config = config;
        this.drainLimit = drainLimit;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        LogLevels.apply(logLevel());
        for (FunctionRoute route : routes) {
            FetchletFunction function = route.function();
            try {
                function.init();
            } catch (Exception | LinkageError e) {
                LOG.error("{}.init() failed: the deployment stops", function.getClass().getName(), e);
                throw new IllegalStateException(function.getClass().getName() + ".init() failed: " + e, e);
            }
            synchronized (started) {
                started.add(function);
            }
        }
    }

    // FUNC_LOG_LEVEL first: an operator can change it without rebuilding the function.
    private LogLevel logLevel() {
        if (config.logLevel != null) {
            return config.logLevel;
        }
        for (FunctionRoute route : routes) {
            LogLevel level = route.function().logLevel();
            if (level != null) {
                return level;
            }
        }
        return null;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        List<FetchletFunction> toStop;
        synchronized (started) {
            toStop = new ArrayList<>(started);
            started.clear(); // a second destroy finds nothing left: shutdown() runs once
        }
        if (toStop.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + drainLimit.toNanos();
        for (FunctionRoute route : routes) {
            try {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!route.inFlight.awaitIdle(left)) {
                    LOG.warn("{} still has {} call(s) in flight; shutting it down anyway", route.source(),
                            route.inFlight.count());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (FetchletFunction function : toStop) {
            try {
                function.shutdown();
            } catch (Exception | LinkageError e) {
                LOG.error("{}.shutdown() failed", function.getClass().getName(), e);
            }
        }
    }
}
