package dev.fetchlet.it.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One stop under load, as an orchestrator causes it: many slow requests, each on a connection of its own, are
 * sent to a running launcher; once every one is written the launcher gets SIGTERM; then every answer is read
 * and counted. An answer counts as served only with status 200 and the full expected body.
 *
 * <p>Plain JDK only, so that {@code src-test/bench/stop-under-load.sh} runs it as a single source file
 * ({@code java StopUnderLoad.java ...}) and the JUnit test calls {@link #run} directly.
 *
 * <pre>
 * java StopUnderLoad.java --port 8080 --pid 4242 --requests 200 --ms 2000
 * </pre>
 * prints one line: {@code served 200 of 200, lost 0 (connection-close 187)} and exits 0 when none was lost.
 */
public final class StopUnderLoad {

    /** The conformance WAR's slow route; it answers {@code slept <ms>} after sleeping. */
    static final String SLOW_PATH = "/conformance/slow?ms=";

    private static final int READ_TIMEOUT_MS = 180_000;

    /** What came back: how many were served, and what went wrong with the others, by kind. */
    public record Result(int requests, int served, int closeAnswers, Map<String, Integer> failures) {
        public int lost() {
            return requests - served;
        }

        @Override
        public String toString() {
            return "served " + served + " of " + requests + ", lost " + lost()
                + " (connection-close " + closeAnswers + ")" + (failures.isEmpty() ? "" : " " + failures);
        }
    }

    private StopUnderLoad() {
    }

    /**
     * Sends {@code requests} GETs of the slow route, each on its own connection to {@code 127.0.0.1:port}, runs
     * {@code stop} once all are written and {@code settleMs} has passed (so the server has accepted them), then
     * reads every answer.
     */
    public static Result run(int port, int requests, int sleepMs, long settleMs, Runnable stop)
            throws InterruptedException {
        List<Socket> sockets = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            try {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(READ_TIMEOUT_MS);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + SLOW_PATH + sleepMs + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(socket);
            } catch (IOException e) {
                failures.merge("not sent: " + e.getClass().getSimpleName(), 1, Integer::sum);
            }
        }
        Thread.sleep(settleMs);
        stop.run();

        String expected = "slept " + sleepMs;
        int[] served = new int[1];
        int[] close = new int[1];
        CountDownLatch done = new CountDownLatch(sockets.size());
        for (Socket socket : sockets) {
            Thread reader = new Thread(() -> {
                String outcome;
                try (socket) {
                    Answer answer = Answer.read(socket.getInputStream());
                    if (answer == null) {
                        outcome = "closed without an answer";
                    } else if (answer.status != 200) {
                        outcome = "status " + answer.status;
                    } else if (!answer.body.equals(expected)) {
                        outcome = "short or wrong body";
                    } else {
                        outcome = null;
                    }
                    if (answer != null && answer.connectionClose) {
                        synchronized (close) {
                            close[0]++;
                        }
                    }
                } catch (IOException e) {
                    outcome = "read failed: " + e.getClass().getSimpleName();
                }
                synchronized (failures) {
                    if (outcome == null) {
                        served[0]++;
                    } else {
                        failures.merge(outcome, 1, Integer::sum);
                    }
                }
                done.countDown();
            }, "stop-under-load-reader");
            reader.setDaemon(true);
            reader.start();
        }
        if (!done.await(READ_TIMEOUT_MS + 10_000L, TimeUnit.MILLISECONDS)) {
            failures.merge("reader still waiting", (int) done.getCount(), Integer::sum);
        }
        synchronized (failures) {
            return new Result(requests, served[0], close[0], new TreeMap<>(failures));
        }
    }

    /** One HTTP/1.1 answer: status, whether it says {@code Connection: close}, and its body. */
    record Answer(int status, boolean connectionClose, String body) {

        /** Reads one answer; null if the connection ended before a status line. */
        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            if (statusLine == null) {
                return null;
            }
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line(in).trim(), 16); size > 0;
                     size = Long.parseLong(line(in).trim(), 16)) {
                    copy(in, body, size);
                    line(in);
                }
            } else if (length >= 0) {
                copy(in, body, length);
            } else {
                in.transferTo(body);
            }
            return new Answer(status, close, body.toString(StandardCharsets.UTF_8));
        }

        private static void copy(InputStream in, ByteArrayOutputStream to, long count) throws IOException {
            byte[] bytes = in.readNBytes((int) count);
            to.write(bytes);
            if (bytes.length < count) {
                throw new IOException("body cut after " + bytes.length + " of " + count + " bytes");
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return c == -1 && line.length() == 0 ? null : line.toString();
        }
    }

    /** {@code --port P --pid PID [--requests N] [--ms M] [--settle-ms S]}: one run; exit 0 when none was lost. */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new TreeMap<>(Map.of("requests", "200", "ms", "2000", "settle-ms", "1000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("port") || !options.containsKey("pid")) {
            System.err.println("usage: StopUnderLoad --port P --pid PID [--requests N] [--ms M] [--settle-ms S]");
            System.exit(2);
        }
        long pid = Long.parseLong(options.get("pid"));
        // ProcessHandle.destroy() is SIGTERM on Linux and macOS, as an orchestrator sends it.
        Result result = run(Integer.parseInt(options.get("port")), Integer.parseInt(options.get("requests")),
            Integer.parseInt(options.get("ms")), Long.parseLong(options.get("settle-ms")),
            () -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        System.out.println(result);
        System.exit(result.lost() == 0 ? 0 : 1);
    }
}
