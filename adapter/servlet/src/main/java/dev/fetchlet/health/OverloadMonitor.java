package dev.fetchlet.health;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tells whether the JVM is overloaded, for the health checks to answer 503. Two signals, each with its limit:
 * <ul>
 *   <li><b>Heap use after GC</b> over the maximum heap. The heap right after the latest collection is what the
 *       live data needs; plain current use would count garbage and flap with every allocation burst.</li>
 *   <li><b>Scheduling delay</b>, the JVM's counterpart of Node's event-loop delay: a thread sleeps a fixed
 *       interval and measures how much later it wakes. CPU starvation, stop-the-world pauses and swapping all
 *       show up as lateness. The largest delay of the last second counts, so one slow wake-up is not
 *       forgotten before a probe sees it.</li>
 * </ul>
 * One daemon thread samples both ten times a second; probes just read the verdict. It starts with the web app
 * and stops with it, so the verdict recovers by itself once the pressure ends.
 */
final class OverloadMonitor implements ServletContextListener {
    private static final long INTERVAL_MS = 100;
    private static final int WINDOW = 10; // samples: one second

    private final double maxHeapRatio;
    private final Duration maxDelay;
    private final long[] delays = new long[WINDOW];
    private final List<String> heapPools = new ArrayList<>();
    private volatile String reason;
    private Thread thread;
    private int next;

    /**
     * @param maxHeapRatio the limit of heap after GC over maximum heap, or NaN to ignore the heap
     * @param maxDelay     the limit of scheduling delay, or null to ignore it
     */
    OverloadMonitor(double maxHeapRatio, Duration maxDelay) {
        this.maxHeapRatio = maxHeapRatio;
        this.maxDelay = maxDelay;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
    }

    /** Why the JVM is overloaded, or null when it is not. */
    String pressure() {
        return reason;
    }

    @Override
    public synchronized void contextInitialized(ServletContextEvent event) {
        if (thread != null || (Double.isNaN(maxHeapRatio) && maxDelay == null)) {
            return;
        }
        thread = new Thread(this::run, "fetchlet-overload-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void contextDestroyed(ServletContextEvent event) {
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long before = System.nanoTime();
                Thread.sleep(INTERVAL_MS);
                long late = System.nanoTime() - before - INTERVAL_MS * 1_000_000;
                delays[next] = Math.max(0, late);
                next = (next + 1) % WINDOW;
                reason = verdict();
            }
        } catch (InterruptedException e) {
            // the web app stopped
        }
    }

    private String verdict() {
        if (!Double.isNaN(maxHeapRatio)) {
            double ratio = heapRatioAfterGc();
            if (ratio >= maxHeapRatio) {
                return String.format("Overloaded: heap use after GC is %.0f%% of the maximum, over the limit of %.0f%%",
                        ratio * 100, maxHeapRatio * 100);
            }
        }
        if (maxDelay != null) {
            long worst = 0;
            for (long d : delays) {
                worst = Math.max(worst, d);
            }
            if (worst >= maxDelay.toNanos()) {
                return "Overloaded: scheduling delay is " + worst / 1_000_000 + " ms, over the limit of "
                        + maxDelay.toMillis() + " ms";
            }
        }
        return null;
    }

    /** Heap used right after the latest collection over the maximum heap; current use before any GC. */
    double heapRatioAfterGc() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        long used = usedAfterLatestGc();
        return (used < 0 ? heap.getUsed() : used) / (double) max;
    }

    private long usedAfterLatestGc() {
        try {
            long latestEnd = -1;
            long used = -1;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!(gc instanceof com.sun.management.GarbageCollectorMXBean hotspot)) {
                    continue;
                }
                com.sun.management.GcInfo info = hotspot.getLastGcInfo();
                if (info == null || info.getEndTime() <= latestEnd) {
                    continue;
                }
                latestEnd = info.getEndTime();
                Map<String, MemoryUsage> after = info.getMemoryUsageAfterGc();
                used = 0;
                for (String pool : heapPools) {
                    MemoryUsage u = after.get(pool);
                    if (u != null) {
                        used += u.getUsed();
                    }
                }
            }
            return used;
        } catch (LinkageError e) {
            return -1; // a JVM without com.sun.management: current use is the best left
        }
    }
}
