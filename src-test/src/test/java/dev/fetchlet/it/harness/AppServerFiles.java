package dev.fetchlet.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where an app server's distribution and its per-run files are: system properties set by the {@code appservers}
 * Maven profile, which downloads each distribution into {@code target/}.
 *
 * <pre>{@code
 * Path payaraJar = AppServerFiles.distribution("fetchlet.appserver.payara");
 * Path work = AppServerFiles.freshWorkFolder(ContainerKind.PAYARA);   // target/appserver-work/payara
 * }</pre>
 */
final class AppServerFiles {

    /** System property: the folder each server's configuration, logs and temp files go in (one per kind). */
    static final String WORK_PROPERTY = "fetchlet.appserver.work";

    private AppServerFiles() {
    }

    /** The file or folder a system property points at; fails with a hint when the profile did not set it. */
    static Path distribution(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; the appservers Maven "
                + "profile sets it (it is active unless -DskipAppServers is given)");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points at " + path + ", which does not exist");
        }
        return path;
    }

    /** An empty folder for one kind's files, emptied first if an earlier run left one; kept for reading logs. */
    static Path freshWorkFolder(ContainerKind kind) throws IOException {
        String root = System.getProperty(WORK_PROPERTY);
        Path base = root == null ? Files.createTempDirectory("fetchlet-appservers-") : Path.of(root);
        Path folder = base.resolve(kind.name().toLowerCase(Locale.ROOT)).toAbsolutePath();
        deleteRecursively(folder);
        Files.createDirectories(folder);
        return folder;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
