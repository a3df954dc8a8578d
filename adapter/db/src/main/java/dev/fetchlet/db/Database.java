package dev.fetchlet.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web app's database: one {@link DataSource} per deployment, opened when the app is deployed and closed
 * when it is undeployed or the server stops. It comes from, first match wins:
 * <ol>
 *   <li>a container-managed {@code DataSource} under JNDI {@code java:comp/env/jdbc/fetchlet} (or the name in
 *       {@code FUNC_DB_JNDI}), as configured in Tomcat's {@code context.xml} or Liberty's {@code server.xml};</li>
 *   <li>a HikariCP pool on {@code DB_URL} (with {@code DB_USER}, {@code DB_PASSWORD});</li>
 *   <li>a HikariCP pool on a MariaDB or MySQL server at {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME};</li>
 *   <li>an embedded, in-memory H2 database in MySQL mode, so an app runs with no setup.</li>
 * </ol>
 * Settings are read like Fetchlet's others: system property, environment variable, context init parameter.
 * Adding {@code dev.fetchlet:fetchlet-db} to the WAR is all it takes; see {@code docs/databases.md}.
 *
 * <pre>{@code
 * public Response onRequestGet(Context ctx) {
 *     try (Connection c = Database.dataSource().getConnection();
 *          PreparedStatement q = c.prepareStatement("SELECT title FROM todo WHERE id = ?")) {
 *         q.setLong(1, id);
 *         ...
 *     } catch (SQLException e) {
 *         if (Database.isUnavailable(e)) {
 *             return DatabaseUnavailable.response();   // 503 with Retry-After
 *         }
 *         throw e;
 *     }
 * }
 * }</pre>
 */
public final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    // Keyed by each web app's class loader: when this jar is shared by the container, apps still never share a
    // database. Weak, so an app undeployed without its stop event does not stay reachable from here.
    private static final Map<ClassLoader, Database> BY_APP = Collections.synchronizedMap(new WeakHashMap<>());

    private final DataSource dataSource;
    private final String origin;
    private final HikariDataSource pool;
    private final boolean owned;
    private final boolean embedded;

    private Database(DataSource dataSource, String origin, HikariDataSource pool, boolean owned, boolean embedded) {
        this.dataSource = dataSource;
        this.origin = origin;
        this.pool = pool;
        this.owned = owned;
        this.embedded = embedded;
    }

    static Database containerManaged(DataSource dataSource, String jndiName) {
        HikariDataSource pool = null;
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                pool = dataSource.unwrap(HikariDataSource.class); // for its metrics only: the container closes it
            }
        } catch (SQLException | RuntimeException e) {
            // not a pool we can report on
        }
        return new Database(dataSource, "container DataSource " + jndiName, pool, false, false);
    }

    static Database pooled(HikariDataSource pool, String origin, boolean embedded) {
        return new Database(pool, origin, pool, true, embedded);
    }

    /**
     * The calling web app's {@link DataSource}: a handler's thread runs with its app's class loader.
     *
     * <pre>{@code
     * try (Connection c = Database.dataSource().getConnection()) { ... }
     * }</pre>
     *
     * @throws IllegalStateException when no database was opened for this app (fetchlet-db is not in its
     *         {@code WEB-INF/lib}, or the app is not deployed yet or any more)
     */
    public static DataSource dataSource() {
        return current().dataSource;
    }

    /** The calling web app's database; see {@link #dataSource()}. */
    public static Database current() {
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            Database db = BY_APP.get(l);
            if (db != null) {
                return db;
            }
        }
        throw new IllegalStateException("No database is open for this web app: is fetchlet-db in its WEB-INF/lib, "
                + "and is the app deployed?");
    }

    /**
     * Whether {@code e} means the database cannot be reached right now (no connection free within
     * {@code DB_POOL_TIMEOUT}, the server down or restarting, the connection lost): an answer for 503 and
     * {@code Retry-After}, not for 500. SQL errors (bad syntax, constraint violations) are not.
     */
    public static boolean isUnavailable(SQLException e) {
        return DatabaseUnavailable.matches(e);
    }

    /** The app's {@code DataSource}. */
    public DataSource source() {
        return dataSource;
    }

    /** Where the connections come from, e.g. {@code embedded H2 (in memory, MySQL mode)}; holds no password. */
    public String origin() {
        return origin;
    }

    /** The HikariCP pool's live figures, or null for a container {@code DataSource} that is not HikariCP. */
    HikariPoolMXBean poolFigures() {
        return pool == null ? null : pool.getHikariPoolMXBean();
    }

    /** The pool's own name (a container's pool keeps the name it was given), or {@code fallback}. */
    String poolName(String fallback) {
        return pool == null || pool.getPoolName() == null ? fallback : pool.getPoolName();
    }

    int maxPoolSize() {
        return pool == null ? 0 : pool.getMaximumPoolSize();
    }

    /** The database open for the web app of class loader {@code app}, or null. */
    static Database of(ClassLoader app) {
        return BY_APP.get(app);
    }

    void register(ClassLoader app) {
        BY_APP.put(app, this);
    }

    /** Closes a pool this module opened (never a container's), and drops the app's drivers from the JVM. */
    void close(ClassLoader app) {
        BY_APP.remove(app);
        if (!owned) {
            return; // the container's pool: the container closes it
        }
        if (embedded) {
            // DB_CLOSE_DELAY=-1 keeps an in-memory H2 alive until told: free its memory with the app.
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.debug("Embedded database already closed: {}", e.getMessage());
            }
        }
        pool.close();
        deregisterDrivers(app);
    }

    // A driver class registers itself with DriverManager when loaded; left there, it keeps the undeployed
    // app's class loader alive (Tomcat warns of exactly that).
    private static void deregisterDrivers(ClassLoader app) {
        Enumeration<Driver> drivers = DriverManager.getDrivers();
        while (drivers.hasMoreElements()) {
            Driver driver = drivers.nextElement();
            if (driver.getClass().getClassLoader() == app) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | SecurityException e) {
                    LOG.debug("Could not deregister {}: {}", driver, e.toString());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Database[" + origin + "]";
    }
}
