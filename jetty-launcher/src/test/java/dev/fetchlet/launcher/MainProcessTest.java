package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link Main} as a real process, the way a container platform does. */
class MainProcessTest {

    // Generous caps, not timings: a loaded CI machine may take long to start a JVM and Jetty.
    private static final Duration STARTUP = Duration.ofSeconds(180);

    @TempDir
    Path temp;

    @Test
    void sigtermLetsTheInFlightRequestFinishRefusesNewConnectionsThenExitsZero() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (LauncherProcess launcher = LauncherProcess.start(Main.class, null, Map.of(),
            "--port", "0", "--host", "127.0.0.1", "--grace-seconds", "20", app.toString())) {
            int port = launcher.awaitPort(STARTUP);
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            launcher.awaitLine(Pattern.compile("^  /slow -> SlowServlet$"), Duration.ofSeconds(60));

            CompletableFuture<HttpResponse<String>> slow = Http.getAsync(base.resolve("/slow?ms=3000"));
            launcher.awaitLine(Pattern.compile("^slow request started$"), Duration.ofSeconds(60));
            launcher.terminate();

            assertConnectionsRefusedSoon(port, Duration.ofSeconds(2));
            assertFalse(slow.isDone(), "the slow request was still in flight when connections were refused");

            HttpResponse<String> response = slow.get(20, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertEquals("slow done", response.body());
            assertEquals(0, launcher.awaitExit(Duration.ofSeconds(120)), launcher.output());

            List<String> lines = launcher.lines();
            int finished = lines.indexOf("slow request finished");
            int destroyed = lines.indexOf("context destroyed");
            assertTrue(finished >= 0 && destroyed > finished,
                "the app stops after the in-flight request finished:\n" + launcher.output());
        }
    }

    @Test
    void portComesFromTheEnvironmentWithoutAFlag() throws Exception {
        int free = freePort();
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (LauncherProcess launcher = LauncherProcess.start(Main.class, null,
            Map.of("FUNC_PORT", String.valueOf(free), "PORT", "1"), "--host", "127.0.0.1", app.toString())) {
            assertEquals(free, launcher.awaitPort(STARTUP));

            assertEquals("hello", Http.get(URI.create("http://127.0.0.1:" + free + "/hello")).body());
            launcher.terminate();
            assertEquals(0, launcher.awaitExit(Duration.ofSeconds(120)), launcher.output());
        }
    }

    @Test
    void aTrainingRunRequestsTheHealthChecksAndTheGivenPathsThenExitsZero() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        // PORT is what the real server will take in the container: a training run leaves it alone.
        try (LauncherProcess launcher = LauncherProcess.start(Main.class, null, Map.of("PORT", "1"),
            "--train=/hello,/slow?ms=1", app.toString())) {
            assertTrue(launcher.awaitPort(STARTUP) > 1, "a free port, not $PORT");
            assertEquals(0, launcher.awaitExit(Duration.ofSeconds(120)), launcher.output());

            List<String> lines = launcher.lines();
            assertTrue(lines.contains("Training run: " + 5 * TrainingRun.ROUNDS + " requests"), launcher.output());
            assertTrue(lines.contains("  /hello [200 x" + TrainingRun.ROUNDS + "]"), launcher.output());
            assertTrue(lines.contains("  /slow?ms=1 [200 x" + TrainingRun.ROUNDS + "]"), launcher.output());
            assertTrue(lines.contains("context destroyed"), "stopped gracefully:\n" + launcher.output());
        }
    }

    @Test
    void invalidArgumentsPrintUsageAndExitTwo() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(Main.class, null, Map.of(), "--port", "x", "app.war")) {
            assertEquals(2, launcher.awaitExit(Duration.ofSeconds(120)), launcher.output());
            assertTrue(launcher.output().contains("Usage: java -jar fetchlet-launcher.jar"), launcher.output());
        }
    }

    @Test
    void anAppThatFailsToDeployExitsOne() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"),
            dev.fetchlet.launcher.testapp.FailingInitializer.class);
        try (LauncherProcess launcher = LauncherProcess.start(Main.class, null, Map.of(),
            "--port", "0", "--host", "127.0.0.1", app.toString())) {
            assertEquals(1, launcher.awaitExit(STARTUP), launcher.output());
            assertTrue(launcher.output().contains("init failed on purpose"), launcher.output());
        }
    }

    private static void assertConnectionsRefusedSoon(int port, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (ConnectException refused) {
                return;
            } catch (IOException e) {
                // a timeout or reset: try again
            }
            Thread.sleep(25);
        }
        throw new AssertionError("New connections were still accepted " + within + " after SIGTERM");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
