package dev.fetchlet.launcher;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/1.1 connections whose request lines are parsed by {@link CaseSensitiveVersionParser}, and that must finish each request line and header block within a time limit, counted from
 * the request's first bytes; otherwise the connection is closed. Jetty's idle timeout alone restarts with every
 * byte, so a client trickling its headers (slow-loris) would hold a connection for as long as it trickles.
 *
 * <p>The clock starts when bytes of a new request are first read, so an idle keep-alive connection is left to the
 * idle timeout, and a request that waits in the thread pool's queue is not timed while it waits. It stops when
 * Jetty has parsed the whole header block (its request count moves on).
 */
final class HeaderTimeoutConnectionFactory extends HttpConnectionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeoutConnectionFactory.class);

    private final long timeoutMs;

    HeaderTimeoutConnectionFactory(HttpConfiguration config, Duration timeout) {
        super(config);
        this.timeoutMs = timeout.toMillis();
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        TimedConnection connection = new TimedConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private final class TimedConnection extends HttpConnection {
        /** The pending check, with the request count it was started at; null when no header block is timed. */
        private final AtomicReference<Deadline> deadline = new AtomicReference<>();
        /** Set while Jetty's constructor runs, for the parser it creates next; no initializer, which would reset it. */
        private RequestHandler requestHandler;

        TimedConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            requestHandler = super.newRequestHandler();
            return requestHandler;
        }

        @Override
        protected HttpParser newHttpParser(HttpCompliance compliance) {
            HttpConfiguration config = getHttpConfiguration();
            HttpParser parser = new CaseSensitiveVersionParser(requestHandler, config.getRequestHeaderSize(), compliance);
            parser.setHeaderCacheSize(config.getHeaderCacheSize());
            parser.setHeaderCacheCaseSensitive(config.isHeaderCacheCaseSensitive());
            return parser;
        }

        @Override
        public void onFillable() {
            Deadline pending = deadline.get();
            if (pending != null && pending.requests != getMessagesIn()) {
                deadline.compareAndSet(pending, null); // its header block completed; this read starts another
                pending.cancel();
                pending = null;
            }
            if (pending == null && getHttpChannel().getRequest() == null) {
                long requests = getMessagesIn();
                Scheduler scheduler = getConnector().getScheduler();
                Deadline next = new Deadline(requests);
                if (deadline.compareAndSet(null, next)) {
                    next.task = scheduler.schedule(() -> expire(next), timeoutMs, TimeUnit.MILLISECONDS);
                }
            }
            super.onFillable();
        }

        private void expire(Deadline expired) {
            if (deadline.get() != expired || !getEndPoint().isOpen()) {
                return;
            }
            if (getMessagesIn() == expired.requests) {
                LOG.debug("Closing {}: request line and headers not received within {} ms", this, timeoutMs);
                getEndPoint().close();
            } else {
                deadline.compareAndSet(expired, null);
            }
        }

        @Override
        public void onClose(Throwable cause) {
            Deadline pending = deadline.getAndSet(null);
            if (pending != null) {
                pending.cancel();
            }
            super.onClose(cause);
        }
    }

    private static final class Deadline {
        final long requests;
        volatile Scheduler.Task task;

        Deadline(long requests) {
            this.requests = requests;
        }

        void cancel() {
            Scheduler.Task scheduled = task;
            if (scheduled != null) {
                scheduled.cancel();
            }
        }
    }
}
