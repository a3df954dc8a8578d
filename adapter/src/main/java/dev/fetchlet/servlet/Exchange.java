package dev.fetchlet.servlet;

import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import dev.fetchlet.internal.UnreadableBodyException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One handler call and its answer, racing the wall-time limit.
 *
 * <p>Threading: the handler runs on the container's thread (no hop, so no cost for the common case). A
 * {@link CompletionStage} that is not done yet moves the request into async mode and is answered on the thread
 * that completes it. The {@link Watchdog}'s thread may call {@link #timeout()} at any time; whoever first moves
 * the state away from {@code RUNNING} answers, the other gives up. On a timeout the 504 is written first and the
 * worker interrupted after, and a container thread that loses the race waits for that reply before it leaves:
 * had it left first, the container would finish the response as an empty 200. The interrupt is cleared again
 * once the worker leaves the handler, so it never leaks into the container's next request.
 */
final class Exchange {
    static final String MDC_KEY = "requestId";
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    private enum State { RUNNING, ANSWERING, TIMED_OUT }

    /** A handler call: returns a Response, null, or a CompletionStage of either. */
    @FunctionalInterface
    interface Call {
        Object call() throws Exception;
    }

    private final HttpServletRequest req;
    private final HttpServletResponse res;
    private final boolean omitBody;
    private final String requestId;
    private final String source;
    private final Deployment deployment;
    private final long deadline;
    // The watchdog's set hashes every exchange once: an identity hash would be generated and stored in the
    // object header, which cost more than the rest of the set operation. Equality stays identity.
    private final int hash = ThreadLocalRandom.current().nextInt();

    private State state = State.RUNNING;
    private Thread worker;
    private AsyncContext async;
    private boolean timeoutReplied;

    Exchange(HttpServletRequest req, HttpServletResponse res, boolean omitBody, String requestId, String source,
             Deployment deployment) {
        this.req = req;
        this.res = res;
        this.omitBody = omitBody;
        this.requestId = requestId;
        this.source = source;
        this.deployment = deployment;
        this.deadline = System.nanoTime() + deployment.config.timeout().toNanos();
    }

    long deadline() {
        return deadline;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Calls the handler on this thread and answers, now or when its stage completes. */
    void run(Call call) throws IOException, ServletException {
        MDC.put(MDC_KEY, requestId);
        worker = Thread.currentThread();
        deployment.watchdog.watch(this);
        try {
            Object result;
            try {
                result = call.call();
            } catch (Throwable t) {
                leaveWorker();
                fail(t);
                return;
            }
            if (result instanceof CompletionStage<?> stage) {
                CompletableFuture<?> future = asFuture(stage);
                if (future != null && future.isDone()) {
                    leaveWorker();
                    answerFromDone(future);
                } else {
                    awaitAsync(stage);
                }
            } else {
                leaveWorker();
                answer((Response) result);
            }
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private void awaitAsync(CompletionStage<?> stage) {
        AsyncContext ac = req.startAsync();
        // The watchdog enforces the limit; this is only a backstop should a stage never complete.
        ac.setTimeout(deployment.config.timeout().toMillis() + 10_000);
        boolean completeNow;
        synchronized (this) {
            async = ac;
            // a timeout that fired before async mode began has written its reply but could not complete it
            completeNow = timeoutReplied;
        }
        leaveWorker();
        if (completeNow) {
            ac.complete();
            return;
        }
        stage.whenComplete((value, error) -> {
            MDC.put(MDC_KEY, requestId);
            try {
                if (error != null) {
                    fail(error);
                } else {
                    answer((Response) value);
                }
            } catch (Throwable t) {
                LOG.warn("Answering {} failed after its response began: {}", source, t.toString());
            } finally {
                boolean timedOut;
                synchronized (this) {
                    timedOut = state == State.TIMED_OUT;
                }
                if (!timedOut) {
                    ac.complete(); // after a timeout, timeout() completed it already
                }
                MDC.remove(MDC_KEY);
            }
        });
    }

    private void answerFromDone(CompletableFuture<?> future) throws IOException, ServletException {
        Object value;
        try {
            value = future.join();
        } catch (Throwable t) {
            fail(t);
            return;
        }
        answer((Response) value);
    }

    private void answer(Response response) throws IOException, ServletException {
        if (!claim()) {
            return;
        }
        if (response == null) {
            ErrorReply.send(res, 404, "The requested path does not exist", null);
            return;
        }
        try {
            if (response.webSocketUpgrade() != null) {
                WebSocketReply.send(req, res, response, deployment, requestId, source);
                return;
            }
            ResponseWriter.write(response, res, omitBody);
        } catch (Throwable t) {
            if (!res.isCommitted()) {
                res.reset();
                res.setHeader(HandlerRoute.REQUEST_ID_HEADER, requestId);
                reportFailure(unwrap(t));
                return;
            }
            // The body had begun: the client cannot be told, so the container must cut the connection.
            LOG.warn("Response body of {} failed midway: {}", source, t.toString());
            if (t instanceof IOException io) {
                throw io;
            }
            throw new ServletException("response body failed midway", t);
        }
    }

    private void fail(Throwable t) throws IOException {
        if (!claim()) {
            return;
        }
        reportFailure(unwrap(t));
    }

    private void reportFailure(Throwable t) throws IOException {
        if (t instanceof HttpException he) {
            if (he.status() >= 500) {
                LOG.error("Handler {} answered {}", source, he.status(), he);
            } else {
                LOG.debug("Handler {} answered {}: {}", source, he.status(), he.getMessage());
            }
            if (he.status() == 413 || he instanceof UnreadableBodyException) {
                // the rest of the body stays unread (413), or its framing is broken: the connection cannot go on
                res.setHeader("Connection", "close");
            }
            ErrorReply.send(res, he.status(), he.getMessage(), requestId);
            return;
        }
        LOG.error("Handler {} failed", source, t);
        Map<String, Object> details = null;
        if (deployment.config.devMode()) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            details = Map.of("exception", t.toString(), "stack", trace.toString());
        }
        ErrorReply.send(res, 500, null, requestId, details);
    }

    /** Called by the watchdog thread once the deadline has passed. */
    void timeout() {
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.TIMED_OUT;
        }
        MDC.put(MDC_KEY, requestId);
        AsyncContext ac;
        try {
            LOG.warn("Handler {} exceeded the wall-time limit of {} ms", source, deployment.config.timeout().toMillis());
            ErrorReply.send(res, 504, "The function did not answer within "
                    + deployment.config.timeout().toMillis() + " ms", requestId);
            res.flushBuffer();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not send the timeout reply: {}", e.toString());
        } finally {
            // Only now interrupt: an interrupted handler returns at once, and its thread must find the reply written.
            synchronized (this) {
                timeoutReplied = true;
                if (worker != null) {
                    worker.interrupt();
                }
                ac = async;
                notifyAll();
            }
            if (ac != null) {
                ac.complete();
            }
            MDC.remove(MDC_KEY);
        }
    }

    private synchronized boolean claim() {
        if (state != State.RUNNING) {
            awaitTimeoutReply();
            return false;
        }
        state = State.ANSWERING;
        deployment.watchdog.forget(this);
        return true;
    }

    // On the container's thread (not yet in async mode), the timeout reply must be written before the thread
    // returns to the container, which would otherwise complete the response itself. Caller holds the lock.
    private void awaitTimeoutReply() {
        if (state != State.TIMED_OUT || async != null) {
            return;
        }
        long end = System.nanoTime() + 5_000_000_000L;
        while (!timeoutReplied) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                // the watchdog's own interrupt, sent once the reply is written; it must not follow this thread
            }
        }
    }

    // The worker is leaving the handler: from now on a timeout must not interrupt this thread.
    private synchronized void leaveWorker() {
        worker = null;
        if (state == State.TIMED_OUT) {
            Thread.interrupted();
        }
    }

    private static CompletableFuture<?> asFuture(CompletionStage<?> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException
                || cur instanceof InvocationTargetException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
