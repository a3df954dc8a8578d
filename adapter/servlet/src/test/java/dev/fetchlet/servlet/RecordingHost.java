package dev.fetchlet.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The request side of an {@link Exchange}, recording what the exchange does to it: each reply written (with the
 * thread that wrote it) and each async step. Stands in for the servlet request and response, not for the exchange.
 */
final class RecordingHost implements Exchange.Host {
    private final List<String> events = new ArrayList<>();
    private final CountDownLatch replied = new CountDownLatch(1);
    private final CountDownLatch completed = new CountDownLatch(1);
    volatile boolean committed;

    synchronized void record(String event) {
        events.add(event);
        if (event.startsWith("reply:")) {
            replied.countDown();
        }
        if (event.equals("complete")) {
            completed.countDown();
        }
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Just the replies, in order: {@code reply:200}, {@code reply:404}, {@code reply:500 ...}, {@code reply:504}. */
    synchronized List<String> replies() {
        return events.stream().filter(e -> e.startsWith("reply:")).toList();
    }

    synchronized long count(String event) {
        return events.stream().filter(event::equals).count();
    }

    boolean awaitReply(long millis) throws InterruptedException {
        return replied.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean awaitComplete(long millis) throws InterruptedException {
        return completed.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String requestId() {
        return "test-request";
    }

    @Override
    public Exchange.Async startAsync(long backstopMillis) {
        record("startAsync");
        return () -> record("complete");
    }

    @Override
    public boolean committed() {
        return committed;
    }

    @Override
    public void reset() {
        record("reset");
    }

    @Override
    public void notFound() {
        record("reply:404");
    }

    @Override
    public void fail(Throwable t, String source) {
        record("reply:500 " + t.getClass().getSimpleName() + " " + t.getMessage());
    }

    @Override
    public void timedOut(String source) {
        record("reply:504");
    }
}
