package dev.fetchlet.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven as a user would, in a folder, against the test's own local repository: the kit's artifacts were
 * installed there, and anything else is copied from the main local repository (a file repository listed
 * first) or downloaded. Nothing is written to the main local repository.
 */
final class Mvn {
    private final Path settings;
    private final Path logs;
    private int runs;

    Mvn(Path work) throws IOException {
        Path main = Path.of(System.getProperty("kit.mainRepository"));
        settings = work.resolve("settings.xml");
        logs = Files.createDirectories(work.resolve("logs"));
        String url = main.toUri().toString();
        Files.writeString(settings, """
                <settings>
                  <localRepository>%s</localRepository>
                  <profiles>
                    <profile>
                      <id>main-local-repository</id>
                      <repositories>
                        <repository>
                          <id>main-local</id>
                          <url>%s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>main-local</id>
                          <url>%s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>main-local-repository</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(Path.of(System.getProperty("kit.repository")).toAbsolutePath(), url, url));
    }

    /** Starts {@code mvn -B args} in {@code folder}, its output to a log file. */
    Process start(Path folder, String... args) throws IOException {
        Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-s", settings.toString()));
        command.addAll(List.of(args));
        Path log = logs.resolve(String.format("%02d-%s.log", ++runs, args[args.length - 1].replaceAll("[^\\w.-]", "_")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_OPTS");
        return builder.start();
    }

    /** Runs {@code mvn -B args} in {@code folder} to the end, failing with the log's tail unless it succeeds. */
    void run(Path folder, long timeoutSeconds, String... args) throws Exception {
        Process process = start(folder, args);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " took over " + timeoutSeconds + " s\n" + lastLog());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("mvn " + String.join(" ", args) + " failed:\n" + lastLog());
        }
    }

    /** The end of the latest run's log. */
    String lastLog() throws IOException {
        try (var files = Files.list(logs)) {
            Path last = files.sorted().reduce((a, b) -> b).orElseThrow();
            List<String> lines = Files.readAllLines(last);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }
}
