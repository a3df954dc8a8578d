package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** waitUntil, wrap and executor on a context: what a host plugs in, and what a hand-built context does. */
class ContextPropagationTest {
    private final Request request = Request.builder("GET", "http://localhost/").build();

    @Test
    void handBuiltContextRunsWaitUntilWorkAtOnceAndThrowsItsFailure() {
        Context ctx = Context.builder(request).build();
        AtomicBoolean ran = new AtomicBoolean();
        ctx.waitUntil(() -> ran.set(true));
        assertTrue(ran.get());
        CompletionException e = assertThrows(CompletionException.class, () -> ctx.waitUntil(() -> {
            throw new java.io.IOException("down");
        }));
        assertEquals("down", e.getCause().getMessage());
    }

    @Test
    void hostReceivesWaitUntilWorkAndWrapsTasks() {
        List<AfterResponse> handed = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Context ctx = Context.builder(request).afterResponse(handed::add)
                .propagation(task -> () -> {
                    order.add("enter");
                    task.run();
                    order.add("leave");
                }).build();
        ctx.waitUntil(() -> order.add("later"));
        assertEquals(1, handed.size());
        assertEquals(List.of(), order, "the host decides when it runs");

        ctx.wrap(() -> order.add("task")).run();
        ctx.executor(Runnable::run).execute(() -> order.add("executed"));
        assertEquals(List.of("enter", "task", "leave", "enter", "executed", "leave"), order);
    }
}
