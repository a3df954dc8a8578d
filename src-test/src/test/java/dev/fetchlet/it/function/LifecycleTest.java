package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.fetchlet.function.Body;
import dev.fetchlet.function.FunctionContext;
import dev.fetchlet.function.HttpFunction;
import dev.fetchlet.function.LogLevel;
import dev.fetchlet.launcher.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** SPEC 7, lifecycle and log level: init before the first request, shutdown once after in-flight calls. */
class LifecycleTest {
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static final CountDownLatch HANDLING = new CountDownLatch(1);

    /** Records its lifecycle; a request with ?slow holds for a while. */
    public static class Recorder implements HttpFunction {
        private volatile boolean initialized;

        @Override
        public void init() {
            EVENTS.add("init");
            initialized = true;
        }

        @Override
        public Object handle(FunctionContext ctx, Body body) throws Exception {
            if (ctx.query("slow") != null) {
                EVENTS.add("slow-start");
                HANDLING.countDown();
                Thread.sleep(1500);
                EVENTS.add("slow-end");
            }
            return initialized ? "initialized" : "not initialized";
        }

        @Override
        public void shutdown() {
            EVENTS.add("shutdown");
        }
    }

    public static class FailsInit implements HttpFunction {
        @Override
        public void init() {
            throw new IllegalStateException("no database at db:5432");
        }

        @Override
        public Object handle(FunctionContext ctx, Body body) {
            return "never";
        }
    }

    public static class Chatty implements HttpFunction {
        @Override
        public LogLevel logLevel() {
            return LogLevel.WARN;
        }

        @Override
        public Object handle(FunctionContext ctx, Body body) {
            return "ok";
        }
    }

    @Test
    void initRunsBeforeTheFirstRequestAndShutdownOnceAfterInFlightRequests() throws Exception {
        EVENTS.clear();
        TestServer server = Servers.start(Map.of(), Duration.ofSeconds(10), Recorder.class);
        assertEquals(List.of("init"), EVENTS, "init ran at deploy, before any request");
        assertEquals("initialized", server.client().get("/").body());

        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return server.client().get("/?slow=1");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(HANDLING.await(10, TimeUnit.SECONDS));
        server.stop();
        server.stop(); // a second stop changes nothing

        HttpResponse<String> reply = slow.get(10, TimeUnit.SECONDS);
        assertEquals(200, reply.statusCode(), "the in-flight request finished");
        assertEquals(List.of("init", "slow-start", "slow-end", "shutdown"), EVENTS,
                "shutdown ran once, after the in-flight request completed");
    }

    @Test
    void anInitFailureStopsTheDeployment() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Servers.start(FailsInit.class));
        assertTrue(e.getMessage().contains("no database at db:5432"), e.getMessage());
    }

    @Test
    void theLogLevelComesFromTheFunctionUnlessFuncLogLevelSaysOtherwise() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        try {
            try (TestServer server = Servers.start(Chatty.class)) {
                assertEquals(Level.WARN, root.getLevel());
            }
            try (TestServer server = Servers.start(Map.of("FUNC_LOG_LEVEL", "error"), Chatty.class)) {
                assertEquals(Level.ERROR, root.getLevel());
            }
        } finally {
            root.setLevel(before);
        }
    }
}
