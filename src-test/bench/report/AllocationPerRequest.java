import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Bytes a server allocated per request in each measured run, from one JFR recording made from the server's
 * start ({@code -XX:StartFlightRecording} with {@code allocation.jfc}): every second, each thread's
 * {@code jdk.ThreadAllocationStatistics} gives its allocated bytes so far. For a run from {@code START} to
 * {@code END} (epoch milliseconds), each thread's last value at or before the start is taken from its first
 * value at or after the end, the differences are summed over the server's threads (not JFR's own), and the sum
 * is divided by the run's requests. The window is widened to the samples around the run, by up to a second at
 * each end, while the server is idle: it allocates next to nothing then. Virtual threads are not in that event,
 * so the figure covers platform threads only.
 *
 * <p>The recording starts with the JVM on purpose: starting one with {@code jcmd JFR.start} under full load
 * deoptimizes the compiled code, and the runs that follow measure the interpreter's allocations (no escape
 * analysis) while the JIT compiles again, for ten seconds or more on a one-core server.
 *
 * <pre>java AllocationPerRequest.java RECORDING.jfr START END REQUESTS [START END REQUESTS ...]</pre>
 *
 * Prints one line per run: its bytes per request.
 */
public class AllocationPerRequest {
    public static void main(String[] args) throws IOException {
        if (args.length < 4 || (args.length - 1) % 3 != 0) {
            System.err.println("usage: java AllocationPerRequest.java RECORDING.jfr START END REQUESTS ...");
            System.exit(2);
        }
        Map<Long, TreeMap<Long, Long>> byThread = samples(Path.of(args[0])); // thread -> time -> allocated
        for (int i = 1; i < args.length; i += 3) {
            long start = Long.parseLong(args[i]);
            long end = Long.parseLong(args[i + 1]);
            long requests = Long.parseLong(args[i + 2]);
            long total = 0;
            for (TreeMap<Long, Long> series : byThread.values()) {
                total += allocatedBetween(series, start, end);
            }
            System.out.println(String.format(Locale.ROOT, "%.0f", requests > 0 ? (double) total / requests : 0.0));
        }
    }

    private static Map<Long, TreeMap<Long, Long>> samples(Path recording) throws IOException {
        Map<Long, TreeMap<Long, Long>> byThread = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ThreadAllocationStatistics")) {
                continue;
            }
            RecordedThread t = e.getThread("thread");
            if (t == null || isRecorders(t)) {
                continue;
            }
            byThread.computeIfAbsent(t.getJavaThreadId(), id -> new TreeMap<>())
                    .merge(e.getStartTime().toEpochMilli(), e.getLong("allocated"), Math::max);
        }
        return byThread;
    }

    // A thread started during the run counts from zero; one that ended during it, up to its last sample.
    private static long allocatedBetween(TreeMap<Long, Long> series, long start, long end) {
        Map.Entry<Long, Long> before = series.floorEntry(start);
        Map.Entry<Long, Long> after = series.ceilingEntry(end);
        if (after == null) {
            after = series.lastEntry();
        }
        if (after.getKey() < start) {
            return 0; // gone before the run began
        }
        long from = before == null ? 0 : before.getValue();
        return Math.max(0, after.getValue() - from);
    }

    // JFR's own threads and the attach listener: the measurement's, not the server's.
    private static boolean isRecorders(RecordedThread t) {
        String name = t.getJavaName() == null ? "" : t.getJavaName();
        return name.startsWith("JFR") || name.equals("Attach Listener");
    }
}
