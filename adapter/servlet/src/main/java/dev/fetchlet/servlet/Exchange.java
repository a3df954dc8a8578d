package dev.fetchlet.servlet;

import dev.fetchlet.Response;
import dev.fetchlet.dispatch.Result;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
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
 * {@link Result.Pending} whose stage is not done yet moves the request into async mode and is answered on the
 * thread that completes it. The {@link Watchdog}'s thread may call {@link #timeout()} at any time; whoever first
 * moves the state away from {@code RUNNING} answers, the other gives up. On a timeout the 504 is written first
 * and the worker interrupted after, and a container thread that loses the race waits for that reply before it
 * leaves: had it left first, the container would finish the response as an empty 200. The interrupt is cleared
 * again once the worker leaves the handler, so it never leaks into the container's next request.
 *
 * <p>What an answer looks like on the wire is the route's business ({@link RequestScope.Writer}): a Fetch response, a
 * WebSocket upgrade, a function's reply. The error replies are the {@link RequestScope}'s.
 */
final class Exchange {
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    private enum State { RUNNING, ANSWERING, TIMED_OUT }

    /**
     * What the exchange needs of its request: the replies it may write and async mode. The request's
     * {@link RequestScope} provides it; a test can provide its own.
     */
    interface Host {
        String requestId();

        /**
         * Puts the request's log context (the MDC's request id, and its trace) in force on the current thread;
         * the result restores the thread.
         */
        default Runnable enter() {
            MDC.put(RequestScope.MDC_KEY, requestId());
            return () -> MDC.remove(RequestScope.MDC_KEY);
        }

        /** Puts the request into async mode; {@code backstopMillis} is the container's own timeout. */
        Async startAsync(long backstopMillis);

        boolean committed();

        /** Clears headers and buffer before an error reply. */
        void reset();

        void notFound() throws IOException;

        void fail(Throwable t, String source) throws IOException;

        void timedOut(String source) throws IOException;
    }

    /** A request in async mode: completing it ends the response. */
    interface Async {
        void complete();
    }

    private final Host scope;
    private final String source;
    private final RequestScope.Writer writer;
    private final Watchdog watchdog;
    private final long timeoutMillis;
    private final long deadline;
    // The watchdog's set hashes every exchange once: an identity hash would be generated and stored in the
    // object header, which cost more than the rest of the set operation. Equality stays identity.
    private final int hash = ThreadLocalRandom.current().nextInt();

    private State state = State.RUNNING;
    private Thread worker;
    private Async async;
    private boolean timeoutReplied;

    /**
     * @param source what runs, for logs: e.g. {@code Handler com.example.Hello}
     */
    Exchange(Host scope, String source, RequestScope.Writer writer, Watchdog watchdog, long timeoutMillis) {
        this.scope = scope;
        this.source = source;
        this.writer = writer;
        this.watchdog = watchdog;
        this.timeoutMillis = timeoutMillis;
        this.deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    }

    long deadline() {
        return deadline;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Calls the handler on this thread and answers, now or when its stage completes. */
    void run(RequestScope.Call call) throws IOException, ServletException {
        worker = Thread.currentThread();
        watchdog.watch(this);
        Result result;
        try {
            result = call.call();
        } catch (Throwable t) {
            leaveWorker();
            fail(t);
            return;
        }
        if (result instanceof Result.Pending pending) {
            CompletableFuture<? extends Response> future = asFuture(pending.stage());
            if (future != null && future.isDone()) {
                leaveWorker();
                answerFromDone(future);
            } else {
                awaitAsync(pending.stage());
            }
        } else {
            leaveWorker();
            answer(((Result.Ready) result).response());
        }
    }

    private void awaitAsync(CompletionStage<? extends Response> stage) {
        // The watchdog enforces the limit; the container's timeout is only a backstop should a stage never complete.
        Async ac = scope.startAsync(timeoutMillis + 10_000);
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
            Runnable leave = scope.enter();
            try {
                if (error != null) {
                    fail(error);
                } else {
                    answer(value);
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
                leave.run();
            }
        });
    }

    private void answerFromDone(CompletableFuture<? extends Response> future) throws IOException, ServletException {
        Response value;
        try {
            value = future.join();
        } catch (Throwable t) {
            fail(t);
            return;
        }
        answer(value);
    }

    private void answer(Response response) throws IOException, ServletException {
        if (!claim()) {
            return;
        }
        if (response == null) {
            scope.notFound();
            return;
        }
        try {
            writer.write(response);
        } catch (Throwable t) {
            if (!scope.committed()) {
                scope.reset();
                scope.fail(unwrap(t), source);
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
        scope.fail(unwrap(t), source);
    }

    /** Called by the watchdog thread once the deadline has passed. */
    void timeout() {
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.TIMED_OUT;
        }
        Runnable leave = scope.enter();
        Async ac;
        try {
            scope.timedOut(source);
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
            leave.run();
        }
    }

    private synchronized boolean claim() {
        if (state != State.RUNNING) {
            awaitTimeoutReply();
            return false;
        }
        state = State.ANSWERING;
        watchdog.forget(this);
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

    private static <T> CompletableFuture<T> asFuture(CompletionStage<T> stage) {
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
