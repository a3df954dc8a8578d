package dev.fetchlet.maven;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs the launcher in a child JVM until it exits or Maven is stopped. A child JVM rather than Maven's own: the
 * launcher gets a clean class path (no plugin-realm surprises), its own signal handling and graceful stop, and
 * ends with the build.
 *
 * <p>Ctrl-C reaches both processes (one process group); SIGTERM reaches Maven alone, whose shutdown hook then
 * passes it on to the child and waits for its graceful stop, so no launcher is ever left behind holding the port.
 */
final class ChildLauncher {
    /** Extra time for the child to stop after its own grace period, before it is killed. */
    private static final long STOP_MARGIN_SECONDS = 5;

    private ChildLauncher() {
    }

    static void run(List<String> command, long graceSeconds, Log log) throws MojoExecutionException {
        log.debug("Starting " + String.join(" ", command));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new MojoExecutionException("Could not start the launcher: " + e.getMessage(), e);
        }
        Thread forward = new Thread(() -> stop(child, graceSeconds), "fetchlet-stop-launcher");
        Runtime.getRuntime().addShutdownHook(forward);
        int status;
        try {
            status = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child, graceSeconds);
            throw new MojoExecutionException("Interrupted while the launcher ran", e);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException e) {
            return; // Maven itself is stopping: the hook is taking care of the child
        }
        if (status != 0) {
            throw new MojoExecutionException("The launcher exited with status " + status + "; its log above says why");
        }
    }

    /** SIGTERM, then the launcher's grace period to stop by itself, then SIGKILL. */
    private static void stop(Process child, long graceSeconds) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(graceSeconds + STOP_MARGIN_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(STOP_MARGIN_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
