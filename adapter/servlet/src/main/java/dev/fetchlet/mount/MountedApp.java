package dev.fetchlet.mount;

import dev.fetchlet.servlet.HealthCheck;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.UnavailableException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mounted app's life: made and initialized once, at deploy ({@link #startNow()}) or by the first request that
 * reaches it ({@link #app()}), and destroyed once when the web app stops.
 *
 * <p>A lazy start runs on the first request's thread while the requests arriving meanwhile wait for it, so the
 * app is made and initialized exactly once. If it fails, the failure is logged once with its stack trace, the
 * waiting and later requests answer 503 with {@code Retry-After}, readiness answers 503 (a load balancer stops
 * routing here), and the start is tried again by the first request or readiness probe after a back-off that
 * doubles from 1 s to 60 s; each further failure is one WARN line. The readiness probe retries too, because an
 * instance that is not ready gets no requests that could retry it.
 */
final class MountedApp implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");
    private static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long LAST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Supplier<? extends Servlet> factory;
    private final String name;
    private final String source;
    private final String folder;
    private final ServletContext context;
    private final Map<String, String> initParams;
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: a virtual thread may wait here
    private volatile Servlet app;
    private volatile String failed; // why readiness says 503; null when not failed
    // Guarded by lock.
    private boolean destroyed;
    private long retryAt;
    private long retryDelay = FIRST_RETRY_NANOS;

    /**
     * @param factory makes the app; throws an {@link IllegalStateException} saying what went wrong
     * @param name    the servlet name the app is initialized with (its class name)
     * @param source  what the app is, for logs: {@code servlet com.acme.Api}
     * @param folder  where it is mounted, for replies and readiness: {@code /koa}
     */
    MountedApp(Supplier<? extends Servlet> factory, String name, String source, String folder,
               ServletContext context, Map<String, String> initParams) {
        this.factory = factory;
        this.name = name;
        this.source = source;
        this.folder = folder;
        this.context = context;
        this.initParams = initParams;
    }

    /** Starts the app at deploy. @throws IllegalStateException if it cannot be made or initialized */
    void startNow() {
        long begin = System.nanoTime();
        app = create();
        LOG.info("Started mounted {} at deploy in {} ms", source,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    /**
     * The started app, starting it if it has not been.
     *
     * @throws UnavailableException if it failed to start, with the seconds until it may be tried again
     */
    Servlet app() throws UnavailableException {
        Servlet started = app;
        return started != null ? started : startOnRequest();
    }

    private Servlet startOnRequest() throws UnavailableException {
        lock.lock();
        try {
            if (app != null) {
                return app; // started by the request this one waited for
            }
            if (destroyed) {
                throw new UnavailableException("the app mounted at " + folder + " is stopping", 1);
            }
            long wait = retryAt - System.nanoTime();
            if (failed != null && wait > 0) {
                throw new UnavailableException(failed, seconds(wait));
            }
            if (!tryStart("its first request")) {
                throw new UnavailableException(failed, seconds(retryAt - System.nanoTime()));
            }
            return app;
        } finally {
            lock.unlock();
        }
    }

    // Called with the lock held; true once the app is started.
    private boolean tryStart(String trigger) {
        long begin = System.nanoTime();
        Servlet made;
        try {
            made = create();
        } catch (IllegalStateException e) {
            if (failed == null) {
                LOG.error("Mounted {} failed to start on {}; requests to {} answer 503 and the start is tried again "
                        + "in {} s", source, trigger, folder, seconds(retryDelay), e);
            } else {
                LOG.warn("Mounted {} failed to start again: {}; next try in {} s", source, e.getMessage(),
                        seconds(retryDelay));
            }
            failed = "the app mounted at " + folder + " failed to start";
            retryAt = System.nanoTime() + retryDelay;
            retryDelay = Math.min(retryDelay * 2, LAST_RETRY_NANOS);
            return false;
        }
        app = made;
        failed = null;
        LOG.info("Started mounted {} on {} in {} ms", source, trigger,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return true;
    }

    private Servlet create() {
        Servlet made;
        try {
            made = factory.get();
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(name + " could not be made: " + e, e);
        }
        try {
            made.init(new MountConfig(name, context, initParams));
        } catch (ServletException | RuntimeException | LinkageError e) {
            throw new IllegalStateException(name + " failed in init(): " + e, e);
        }
        return made;
    }

    private static int seconds(long nanos) {
        return (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
    }

    /** Ready unless a start failed; a probe after the back-off tries the start again. */
    @Override
    public Status readiness() {
        if (failed != null && lock.tryLock()) {
            try {
                if (app == null && !destroyed && failed != null && retryAt - System.nanoTime() <= 0) {
                    tryStart("a readiness probe");
                }
            } finally {
                lock.unlock();
            }
        }
        String why = failed;
        return why == null ? Status.OK : new Status(503, why);
    }

    @Override
    public String source() {
        return source;
    }

    /** Destroys the app if it started; a request arriving later answers 503 rather than start it again. */
    void destroy() {
        Servlet started;
        lock.lock();
        try {
            if (destroyed) {
                return;
            }
            destroyed = true;
            started = app;
        } finally {
            lock.unlock();
        }
        if (started == null) {
            return;
        }
        try {
            started.destroy();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Mounted {} failed in destroy(): {}", source, e.toString());
        }
    }
}
