package dev.fetchlet.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ServiceLoader;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a web app's database, first match wins: a container-managed {@code DataSource} under the JNDI name, a
 * HikariCP pool on {@code DB_URL}, one on {@code DB_HOST}, else an embedded in-memory H2 in MySQL mode.
 */
final class DataSources {
    private static final Logger LOG = LoggerFactory.getLogger(DataSources.class);

    static final String MARIADB_DRIVER = "org.mariadb.jdbc.Driver";
    static final String H2_DRIVER = "org.h2.Driver";

    private DataSources() {
    }

    /**
     * @param poolName names the pool in logs and metrics
     * @throws IllegalStateException when the settings name something that is not there (a JNDI name set
     *         explicitly, a driver missing from the WAR): a deployment that would only fail later
     */
    static Database open(DatabaseSettings settings, String poolName, ClassLoader loader) {
        DataSource managed = lookUp(settings);
        if (managed != null) {
            return Database.containerManaged(managed, settings.jndiName());
        }
        if (settings.url() != null) {
            String driver = driverFor(settings.url(), loader);
            return pooled(settings, poolName, settings.url(), driver, "DB_URL (" + scheme(settings.url()) + ")",
                    false, loader);
        }
        if (settings.host() != null) {
            requireClass(MARIADB_DRIVER, loader, "DB_HOST is set, but MariaDB Connector/J "
                    + "(org.mariadb.jdbc:mariadb-java-client) is not in the web app");
            return pooled(settings, poolName, settings.hostUrl(), MARIADB_DRIVER,
                    "DB_HOST (" + settings.host() + ":" + settings.port() + ")", false, loader);
        }
        requireClass(H2_DRIVER, loader, "No database is configured (FUNC_DB_JNDI, DB_URL or DB_HOST) and the "
                + "embedded default, H2 (com.h2database:h2), is not in the web app");
        // A name of its own: two web apps in one JVM never share the in-memory database.
        String url = "jdbc:h2:mem:fetchlet-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=USER,VALUE;DB_CLOSE_DELAY=-1";
        return pooled(settings, poolName, url, H2_DRIVER, "embedded H2 (in memory, MySQL mode)", true, loader);
    }

    private static DataSource lookUp(DatabaseSettings settings) {
        Object found;
        try {
            found = new InitialContext().lookup(settings.jndiName());
        } catch (NamingException | RuntimeException e) {
            if (settings.jndiNameSet()) {
                throw new IllegalStateException("FUNC_DB_JNDI names " + settings.jndiName()
                        + ", but the container has no resource by that name: " + e.getMessage(), e);
            }
            LOG.debug("No container DataSource at {}: {}", settings.jndiName(), e.toString());
            return null;
        }
        if (found instanceof DataSource ds) {
            return ds;
        }
        throw new IllegalStateException("The JNDI resource " + settings.jndiName() + " is not a javax.sql.DataSource");
    }

    private static Database pooled(DatabaseSettings s, String poolName, String url, String driver, String origin,
                                   boolean embedded, ClassLoader loader) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url);
        config.setDriverClassName(driver);
        if (s.user() != null) {
            config.setUsername(s.user());
        } else if (embedded) {
            config.setUsername("sa");
        }
        if (s.password() != null) {
            config.setPassword(s.password());
        }
        config.setMaximumPoolSize(s.poolSize());
        config.setConnectionTimeout(s.poolTimeout().toMillis());
        config.setValidationTimeout(Math.max(250, s.poolTimeout().toMillis() / 2));
        // Deploy even when the database is down: requests get 503 until it is up, instead of no app at all.
        config.setInitializationFailTimeout(-1);
        if (driver.equals(MARIADB_DRIVER)) {
            // Connecting to an unreachable host fails within the pool's wait, not the driver's 30 s default.
            config.addDataSourceProperty("connectTimeout", String.valueOf(s.poolTimeout().toMillis()));
            if (s.sslMode() != null) {
                config.addDataSourceProperty("sslMode", s.sslMode());
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            HikariDataSource pool = new HikariDataSource(config);
            return Database.pooled(pool, origin, embedded);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The class name of the web app's driver that takes {@code url}: the app's drivers, not the JVM's. */
    private static String driverFor(String url, ClassLoader loader) {
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            try {
                if (driver.acceptsURL(url)) {
                    return driver.getClass().getName();
                }
            } catch (SQLException e) {
                // a driver that cannot tell: try the next
            }
        }
        throw new IllegalStateException("DB_URL is a " + scheme(url) + " URL, but no JDBC driver in the web app "
                + "takes it: add the database's driver to the WAR");
    }

    /** {@code jdbc:mariadb:}: what a log may show of a URL that can hold a password. */
    static String scheme(String url) {
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second < 0 ? "malformed" : url.substring(0, second + 1);
    }

    private static void requireClass(String name, ClassLoader loader, String message) {
        try {
            Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(message);
        }
    }
}
