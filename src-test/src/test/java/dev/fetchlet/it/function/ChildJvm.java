package dev.fetchlet.it.function;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JVM of its own running {@code FunctionMain}, as a user runs it, so a test can signal it, starve it or fill
 * its heap without touching the test JVM. Its classpath is this JVM's libraries plus a copy of the fixtures
 * package alone; its output is collected line by line.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Fetchlet listening on http://[^:]+:(\\d+)/");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Path fixtures;
    private final Thread reader;

    private ChildJvm(Process process, Path fixtures) {
        this.process = process;
        this.fixtures = fixtures;
        reader = new Thread(this::readOutput, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code FunctionMain} with the given JVM options, arguments and extra environment. */
    public static ChildJvm functionMain(List<String> jvmOptions, List<String> args, Map<String, String> env)
            throws IOException {
        Path fixtures = copyFixtures();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath(fixtures));
        command.add("dev.fetchlet.launcher.FunctionMain");
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FUNC_") || k.equals("PORT"));
        pb.environment().putAll(env);
        return new ChildJvm(pb.start(), fixtures);
    }

    // The libraries a function project has at run time, not the suite's test classes or test-only jars.
    private static String classpath(Path fixtures) {
        List<String> entries = new ArrayList<>();
        entries.add(fixtures.toString());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean library = name.matches("(fetchlet-|jackson-|cloudevents-|prometheus-|jetty-|jakarta\\.|slf4j-|logback-|asm"
                    + "|opentelemetry-(api|context|common)-).*\\.jar");
            boolean moduleClasses = entry.endsWith("target/classes") && !entry.contains("src-test");
            if ((library && !name.startsWith("fetchlet-src-test")) || moduleClasses) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path copyFixtures() throws IOException {
        try {
            Path testClasses = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path source = testClasses.resolve("dev/fetchlet/it/function/fixtures");
            Path root = Files.createTempDirectory("fetchlet-fixtures-");
            Path target = root.resolve("dev/fetchlet/it/function/fixtures");
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process went away
        }
    }

    /** Waits for a line matching {@code test}; fails with the output so far on timeout or exit. */
    String awaitLine(Predicate<String> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (test.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && seen == lines.size())) {
                    throw new AssertionError("No such line; the child said:\n" + String.join("\n", lines));
                }
                lines.wait(Math.max(1, Math.min(200, left / 1_000_000)));
            }
        }
    }

    /** The port from the launcher's banner. */
    public int awaitPort() throws InterruptedException {
        Matcher m = LISTENING.matcher(awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(120)));
        m.find();
        return Integer.parseInt(m.group(1));
    }

    /** Waits for the process to exit and its output to be read to the end; its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The child did not exit; it said:\n" + String.join("\n", output()));
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    Process process() {
        return process;
    }

    /** Sends a signal by name, e.g. {@code STOP}, {@code CONT}. */
    void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(fixtures)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
