package dev.fetchlet.launcher;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a graceful stop followed by exit status 0.
 *
 * <p>A JVM left to its defaults exits with 143 on SIGTERM, which orchestrators read as a crash, and a shutdown
 * hook cannot change that status; hence a signal handler (from {@code jdk.unsupported}). Signals that arrive
 * while a stop is under way are ignored: supervisors often signal both a process and its group, and a
 * second signal must not cut the grace period short.
 */
final class GracefulExit {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulExit.class);

    private GracefulExit() {
    }

    static void install(FetchletServer server) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (stopping.compareAndSet(false, true)) {
                        stopAndExit(server, signal.getName());
                    } else {
                        LOG.info("SIG{} received: already stopping", signal.getName());
                    }
                });
            } catch (IllegalArgumentException e) {
                LOG.warn("Cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
    }

    private static void stopAndExit(FetchletServer server, String signalName) {
        LOG.info("SIG{} received: stopping gracefully", signalName);
        int status = 0;
        try {
            server.stop();
            LOG.info("Stopped");
        } catch (RuntimeException e) {
            LOG.error("Stop failed", e);
            status = 1;
        }
        System.exit(status);
    }
}
