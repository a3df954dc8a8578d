package dev.fetchlet.it.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * A stop under full load, once, as {@code src-test/bench/stop-under-load.sh} repeats it: the launcher process
 * gets SIGTERM while more slow requests are in flight than its pool has threads (on JDK 17; on 21+ they run on
 * virtual threads), and every one must be answered 200 with its full body. Meanwhile readiness turns 503 and
 * liveness stays 200 on connections opened before the stop.
 */
class StopUnderLoadTest {

    private static final int REQUESTS = 50;
    private static final int SLEEP_MS = 1000;

    @Test
    void sigtermUnderFullLoadAnswersEveryAcceptedRequestAndReadinessTurns503() throws Exception {
        // 16 platform threads leave about 12 for requests: most of the 50 wait in the queue when SIGTERM comes.
        try (LauncherJar launcher = LauncherJar.start("--max-threads", "16", "--grace-seconds", "30")) {
            int port = launcher.port();
            try (Socket readiness = keepAlive(port, "/health/readiness");
                 Socket liveness = keepAlive(port, "/health/liveness")) {
                StopUnderLoad.Answer[] probes = new StopUnderLoad.Answer[2];
                StopUnderLoad.Result result = StopUnderLoad.run(port, REQUESTS, SLEEP_MS, 500, () -> {
                    launcher.terminate();
                    try {
                        Thread.sleep(200); // the signal handler runs a moment later
                        probes[0] = exchange(readiness, port, "/health/readiness");
                        probes[1] = exchange(liveness, port, "/health/liveness");
                    } catch (IOException | InterruptedException e) {
                        throw new AssertionError("a health probe on an open connection failed", e);
                    }
                });

                assertEquals(0, result.lost(), result + "\n" + launcher.output());
                assertEquals(503, probes[0].status(), "readiness while stopping: " + probes[0]);
                assertTrue(probes[0].body().startsWith("Stopping"), probes[0].body());
                assertEquals(200, probes[1].status(), "liveness while stopping: " + probes[1]);
                assertTrue(probes[0].connectionClose() && probes[1].connectionClose(),
                    "probe answers during the stop close their connections");
                assertEquals(0, launcher.awaitExit(Duration.ofSeconds(60)), launcher.output());
            }
        }
    }

    /** A connection that has had one answer (200) and stays open for the next request. */
    private static Socket keepAlive(int port, String path) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(60_000);
        StopUnderLoad.Answer first = exchange(socket, port, path);
        assertEquals(200, first.status(), path + " before the stop: " + first);
        return socket;
    }

    private static StopUnderLoad.Answer exchange(Socket socket, int port, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StopUnderLoad.Answer answer = StopUnderLoad.Answer.read(socket.getInputStream());
        if (answer == null) {
            throw new IOException("closed without an answer to " + path);
        }
        return answer;
    }
}
