package dev.fetchlet.it.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import dev.fetchlet.it.harness.Wars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaded launcher run as an orchestrator runs it, {@code java -jar fetchlet-launcher.jar ... app.war}, on
 * {@code 127.0.0.1} and a free port, in a process of its own whose output is collected line by line.
 *
 * <pre>{@code
 * try (LauncherJar launcher = LauncherJar.start("--header-timeout-seconds", "2")) {
 *     int port = launcher.port();
 *     ...
 *     launcher.terminate();                        // SIGTERM
 *     assertEquals(0, launcher.awaitExit(Duration.ofSeconds(60)));
 * }
 * }</pre>
 */
final class LauncherJar implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Fetchlet listening on http://[^:/]+:(\\d+)/");
    // A busy CI machine may take long to start a JVM and deploy the WAR: a cap, not a timing.
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private final int port;

    private LauncherJar(Process process) throws InterruptedException {
        this.process = process;
        reader = new Thread(this::collect, "launcher-jar-output");
        reader.setDaemon(true);
        reader.start();
        Matcher matcher = LISTENING.matcher(awaitLine(LISTENING, STARTUP));
        matcher.find();
        port = Integer.parseInt(matcher.group(1));
    }

    /**
     * Starts the launcher on the conformance WAR (the example app plus the fixtures, {@code /conformance/slow}
     * among them) with these options besides host and port, and waits for its URL.
     */
    static LauncherJar start(String... options) throws IOException, InterruptedException {
        return start(Wars.conformance(), options);
    }

    /** Starts the launcher on {@code war} with these options besides host and port, and waits for its URL. */
    static LauncherJar start(Path war, String... options) throws IOException, InterruptedException {
        return start(Map.of(), war, options);
    }

    /** The same with these environment variables set (a {@code FUNC_*} setting, say). */
    static LauncherJar start(Map<String, String> env, Path war, String... options)
            throws IOException, InterruptedException {
        // The example WAR is <root>/war-example/target/fetchlet-example.war; the reactor's package phase shades the jar.
        Path jar = Wars.example().getParent().getParent().getParent().resolve("jetty-launcher/target/fetchlet-launcher.jar");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(war)) {
            throw new IllegalStateException("Build the launcher and the WAR first (mvn verify): " + jar + ", " + war);
        }
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
            "--host", "127.0.0.1", "--port", "0"));
        command.addAll(List.of(options));
        command.add(war.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("FUNC_") || name.equals("PORT"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            return new LauncherJar(process);
        } catch (RuntimeException | Error | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, through the process handle so that the output pipe stays open while it stops. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the exit and the last output; the exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The launcher did not exit in " + timeout + ":\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    private String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (pattern.matcher(line).find()) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                    throw new IllegalStateException("No line matching " + pattern + " in:\n" + String.join("\n", lines));
                }
                lines.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
