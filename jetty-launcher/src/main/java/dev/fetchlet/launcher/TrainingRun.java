package dev.fetchlet.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run for a class-data archive or AOT cache: the app has started, and a few rounds of requests to
 * its health checks and the paths the user names load the classes that serving requests needs, so that the
 * JVM writes them into its archive when the launcher exits right after.
 *
 * <pre>
 * java -XX:AOTCacheOutput=app.aot -jar fetchlet-launcher.jar --train=/hello,/api/users/1 app.war   # JDK 25
 * java -XX:AOTCache=app.aot -jar fetchlet-launcher.jar app.war
 * </pre>
 *
 * <p>The requests come from this JVM, over loopback, with {@link HttpURLConnection}: a small client whose
 * classes add little to the archive.
 */
final class TrainingRun {

    /** Served by every Fetchlet deployment (their paths can be moved; then name the new ones). */
    static final List<String> DEFAULT_PATHS = List.of("/health/readiness", "/health/liveness", "/metrics");

    static final int ROUNDS = 20;

    private TrainingRun() {
    }

    /**
     * Sends {@link #ROUNDS} rounds of GET requests to the default paths and then the given ones, and reports
     * each path's statuses on {@code out}.
     *
     * @return the number of requests that failed to get any answer
     */
    static int exercise(URI base, List<String> paths, PrintStream out) {
        List<String> all = new ArrayList<>(DEFAULT_PATHS);
        paths.stream().filter(path -> !all.contains(path)).forEach(all::add);
        Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        int failures = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String path : all) {
                int status = get(base.resolve(path));
                if (status < 0) {
                    failures++;
                }
                statuses.computeIfAbsent(path, p -> new LinkedHashMap<>()).merge(status, 1, Integer::sum);
            }
        }
        out.println("Training run: " + ROUNDS * all.size() + " requests");
        statuses.forEach((path, counts) -> out.println("  " + path + " " + counts.keySet().stream()
            .map(status -> (status < 0 ? "no answer" : status.toString()) + " x" + counts.get(status))
            .toList()));
        out.flush();
        return failures;
    }

    /** The status of a GET, its body read and dropped; -1 if no answer came. */
    private static int get(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }
}
