package dev.fetchlet.launcher;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a stop finish every request the server already took, queued ones included, in place of Jetty's
 * {@code GracefulHandler}. That one answers 503 to any request reaching it once the stop began, and on JDK 17 a
 * full thread pool holds requests that were accepted and written before SIGTERM but reach the handler only
 * later. Here every request is served; the connector, shut down alongside, refuses new connections and marks
 * each answer {@code Connection: close}.
 *
 * <p>The stop is drained once no request runs and the pool's queue is empty, twice in a row a tick apart (a
 * connection whose bytes the selector just read is queued within a tick). From then on, connections with no
 * request under way are closed every tick, so idle keep-alive clients do not hold the stop for the whole grace
 * period; a connection still waiting for its request never counts as idle before the queue is empty.
 */
final class DrainingHandler extends Handler.Wrapper implements Graceful {

    private static final Logger LOG = LoggerFactory.getLogger(DrainingHandler.class);
    private static final long TICK_MS = 100;

    private final ServerConnector connector;
    private final QueuedThreadPool pool;
    private final AtomicLong inFlight = new AtomicLong();
    private volatile CompletableFuture<Void> drained;
    private int quietTicks;

    DrainingHandler(Handler handler, ServerConnector connector, QueuedThreadPool pool) {
        super(handler);
        this.connector = connector;
        this.pool = pool;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        inFlight.incrementAndGet();
        boolean handled = false;
        try {
            handled = next.handle(request, response, new Callback.Nested(callback) {
                @Override
                public void completed() {
                    inFlight.decrementAndGet();
                }
            });
            return handled;
        } finally {
            if (!handled) {
                inFlight.decrementAndGet();
            }
        }
    }

    @Override
    public synchronized CompletableFuture<Void> shutdown() {
        if (drained == null) {
            drained = new CompletableFuture<>();
            if (!connector.isRunning()) {
                drained.complete(null); // a failed start: nothing was served, and the scheduler may not run
                return drained;
            }
            LOG.info("Stop: finishing {} running and {} queued requests", inFlight.get(), pool.getQueueSize());
            getServer().getScheduler().schedule(this::tick, TICK_MS, TimeUnit.MILLISECONDS);
        }
        return drained;
    }

    @Override
    public boolean isShutdown() {
        return drained != null;
    }

    /** Requests running now; for tests and logs. */
    long inFlight() {
        return inFlight.get();
    }

    private void tick() {
        if (!connector.isRunning()) {
            // Never started (a failed start) or already stopped (the grace period ran out): nothing left to serve.
            drained.complete(null);
            return;
        }
        boolean quiet = inFlight.get() == 0 && pool.getQueueSize() == 0;
        quietTicks = quiet ? quietTicks + 1 : 0;
        if (quietTicks >= 2) {
            drained.complete(null);
            closeIdleConnections();
        }
        if (!drained.isDone() || !connector.getConnectedEndPoints().isEmpty()) {
            getServer().getScheduler().schedule(this::tick, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void closeIdleConnections() {
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (endPoint.getConnection() instanceof HttpConnection http
                && http.getHttpChannel().getRequest() == null && http.isRequestBufferEmpty()) {
                endPoint.close();
            }
        }
    }
}
