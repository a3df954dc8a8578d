package dev.fetchlet.launcher;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.CyclicTimeout;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
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
 *
 * <p>A request with more header fields than the limit ({@code FUNC_MAX_HEADER_FIELDS}, as the web app reads it) is
 * answered 431 as its fields are parsed, before any of them reaches the app: Jetty itself bounds only their total
 * size, and the servlet API's name-by-name reading costs the app a walk over all fields per name.
 */
final class HeaderTimeoutConnectionFactory extends HttpConnectionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeoutConnectionFactory.class);

    private static final long UNTIMED = -1;

    private final long timeoutMs;
    private final int maxHeaderFields;

    HeaderTimeoutConnectionFactory(HttpConfiguration config, Duration timeout, int maxHeaderFields) {
        super(config);
        this.timeoutMs = timeout.toMillis();
        this.maxHeaderFields = maxHeaderFields;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        TimedConnection connection = new TimedConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private final class TimedConnection extends HttpConnection {
        /** The request count the pending clock started at; {@link #UNTIMED} when no header block is timed. */
        private final AtomicLong timedAt = new AtomicLong(UNTIMED);
        /**
         * One timeout per connection, moved rather than replaced: Jetty's cyclic timeout schedules a wake-up only
         * when the new deadline is earlier than the pending one, so a keep-alive connection costs the scheduler
         * about one task per timeout period, not one task and one cancellation per request.
         */
        private final CyclicTimeout timeout;
        /** Set while Jetty's constructor runs, for the parser it creates next; no initializer, which would reset it. */
        private RequestHandler requestHandler;

        TimedConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
            timeout = new CyclicTimeout(connector.getScheduler()) {
                @Override
                public void onTimeoutExpired() {
                    expire();
                }
            };
        }

        @Override
        protected RequestHandler newRequestHandler() {
            requestHandler = new FieldCountingHandler();
            return requestHandler;
        }

        /** Jetty's handler of parsed requests, refusing a request's field past the limit (431). */
        private final class FieldCountingHandler extends RequestHandler {
            private int fields;

            @Override
            public void startRequest(String method, String uri, HttpVersion version) {
                fields = 0;
                super.startRequest(method, uri, version);
            }

            @Override
            public void parsedHeader(HttpField field) {
                if (++fields > maxHeaderFields) {
                    // Jetty's parser answers it as a bad message: 431, and the connection closes.
                    throw new HttpException.RuntimeException(431, "Too many header fields");
                }
                super.parsedHeader(field);
            }
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
            long pending = timedAt.get();
            if (pending != UNTIMED && pending != getMessagesIn()) {
                // its header block completed; this read starts another
                if (timedAt.compareAndSet(pending, UNTIMED)) {
                    timeout.cancel();
                }
                pending = UNTIMED;
            }
            if (pending == UNTIMED && getHttpChannel().getRequest() == null
                    && timedAt.compareAndSet(UNTIMED, getMessagesIn())) {
                timeout.schedule(timeoutMs, TimeUnit.MILLISECONDS);
            }
            super.onFillable();
        }

        private void expire() {
            long timed = timedAt.get();
            if (timed == UNTIMED || !getEndPoint().isOpen()) {
                return;
            }
            if (getMessagesIn() == timed) {
                LOG.debug("Closing {}: request line and headers not received within {} ms", this, timeoutMs);
                getEndPoint().close();
            } else {
                timedAt.compareAndSet(timed, UNTIMED);
            }
        }

        @Override
        public void onClose(Throwable cause) {
            timedAt.set(UNTIMED);
            timeout.destroy();
            super.onClose(cause);
        }
    }
}
