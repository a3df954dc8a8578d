package dev.fetchlet.launcher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JVM running a launcher main class on the test classpath, with its output collected line by line. */
final class LauncherProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Fetchlet listening on http://[^:/]+:(\\d+)/");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private volatile boolean outputEnded;

    private LauncherProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collectOutput, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -cp <test classpath>[:extra] mainClass args...} with stdout and stderr merged.
     *
     * @param extraClasspath appended to the classpath, or {@code null}
     */
    static LauncherProcess start(Class<?> mainClass, Path extraClasspath, Map<String, String> env, String... args)
        throws IOException {
        // Surefire hands the forked JVM a manifest-only jar; the real classpath is in this property.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        if (extraClasspath != null) {
            classpath = classpath + File.pathSeparator + extraClasspath;
        }
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classpath, mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("FUNC_PORT", "PORT", "FUNC_GRACE_PERIOD"));
        builder.environment().putAll(env);
        return new LauncherProcess(builder.start());
    }

    /** Waits for the line announcing the URL and returns its port. */
    int awaitPort(Duration timeout) throws InterruptedException {
        Matcher matcher = LISTENING.matcher(awaitLine(LISTENING, timeout));
        matcher.find();
        return Integer.parseInt(matcher.group(1));
    }

    /** Waits for a line matching the pattern and returns it. */
    String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (pattern.matcher(line).find()) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && outputEnded)) {
                    throw new AssertionError("No line matching " + pattern + " in:\n" + String.join("\n", lines));
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Waits for the process to exit, and for its last output to be collected, and returns its status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Still running after " + timeout + ":\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /**
     * Sends SIGTERM (on Linux and macOS). Through the process handle: {@link Process#destroy()} sends the same
     * signal but also closes the pipes, losing what the process prints while it stops.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String output() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void collectOutput() {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            outputEnded = true;
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }
}
