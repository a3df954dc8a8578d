import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Bytes a server allocated per request, from a JFR recording of one measured run: each thread's
 * {@code jdk.ThreadAllocationStatistics} (its allocated bytes so far, emitted at the recording's start and
 * end) taken last minus first, summed over the server's threads (not JFR's own), divided by the run's requests. Virtual threads are
 * not in that event, so the figure covers platform threads only. Run by allocation.sh as a single-file
 * program: {@code java AllocationPerRequest.java RECORDING.jfr REQUESTS}; prints the bytes per request.
 */
public class AllocationPerRequest {
    public static void main(String[] args) throws IOException {
        Path recording = Path.of(args[0]);
        long requests = Long.parseLong(args[1]);
        Map<Long, long[]> byThread = new HashMap<>(); // thread id -> {first, last}
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ThreadAllocationStatistics")) {
                continue;
            }
            RecordedThread t = e.getThread("thread");
            if (t == null || isRecorders(t)) {
                continue;
            }
            long thread = t.getJavaThreadId();
            long allocated = e.getLong("allocated");
            long[] seen = byThread.computeIfAbsent(thread, id -> new long[] {allocated, allocated});
            seen[0] = Math.min(seen[0], allocated);
            seen[1] = Math.max(seen[1], allocated);
        }
        long total = 0; // what the server's own threads allocated over the run
        for (long[] seen : byThread.values()) {
            total += seen[1] - seen[0];
        }
        System.out.println(String.format(Locale.ROOT, "%.0f", requests > 0 ? (double) total / requests : 0.0));
    }

    // JFR's threads and the attach listener that started the recording: the measurement's, not the server's.
    private static boolean isRecorders(RecordedThread t) {
        String name = t.getJavaName() == null ? "" : t.getJavaName();
        return name.startsWith("JFR") || name.equals("Attach Listener");
    }
}
