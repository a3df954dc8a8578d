package dev.fetchlet.launcher;

import java.nio.file.Path;

/** Serves a classpath app, for tests that need a JVM whose classpath they choose: {@code [staticFolder]}. */
public final class ClasspathAppMain {

    private ClasspathAppMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        FetchletServer server = FetchletServer.builder()
            .classpathApp(args.length > 0 ? Path.of(args[0]) : null)
            .host("127.0.0.1")
            .port(0)
            .gracePeriod(java.time.Duration.ofSeconds(5))
            .build();
        server.start();
        GracefulExit.install(server);
        Main.printBanner(server, System.out);
        server.join();
    }
}
