package dev.fetchlet.db;

import dev.fetchlet.config.Settings;
import dev.fetchlet.config.Units;
import java.time.Duration;

/**
 * Where the web app's database is, read like every other Fetchlet setting (system property, environment
 * variable, then context init parameter):
 * <ul>
 *   <li>{@code FUNC_DB_JNDI}: the JNDI name of a container-managed {@code DataSource}
 *       (default {@value #DEFAULT_JNDI_NAME});</li>
 *   <li>{@code DB_URL}: a JDBC URL, with {@code DB_USER} and {@code DB_PASSWORD};</li>
 *   <li>{@code DB_HOST}, {@code DB_PORT} (3306), {@code DB_USER}, {@code DB_PASSWORD}, {@code DB_NAME}: a
 *       MariaDB or MySQL server, through MariaDB Connector/J, with {@code DB_SSL_MODE} passed on as its
 *       {@code sslMode} ({@code disable}, {@code trust}, {@code verify-ca}, {@code verify-full}; the driver's
 *       default, TLS with a verified certificate, when unset);</li>
 *   <li>{@code DB_POOL_SIZE} (10) and {@code DB_POOL_TIMEOUT} (2s): the pool's size and how long a request
 *       waits for a connection before it is told the database is unavailable.</li>
 * </ul>
 */
record DatabaseSettings(String jndiName, boolean jndiNameSet, String url, String host, int port, String user,
                        String password, String name, String sslMode, int poolSize, Duration poolTimeout) {

    static final String DEFAULT_JNDI_NAME = "java:comp/env/jdbc/fetchlet";
    static final int DEFAULT_POOL_SIZE = 10;
    static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(2);
    // HikariCP refuses a connection timeout under 250 ms.
    private static final Duration SHORTEST_POOL_TIMEOUT = Duration.ofMillis(250);

    /**
     * @throws IllegalArgumentException for a malformed port, size or duration, naming the setting
     */
    static DatabaseSettings load(Settings s) {
        String jndi = s.get("FUNC_DB_JNDI");
        int port = positive("DB_PORT", s.get("DB_PORT", "3306"));
        if (port > 65535) {
            throw new IllegalArgumentException("DB_PORT must be a port number from 1 to 65535, not '" + port + "'");
        }
        int size = positive("DB_POOL_SIZE", s.get("DB_POOL_SIZE", String.valueOf(DEFAULT_POOL_SIZE)));
        Duration timeout = Units.duration("DB_POOL_TIMEOUT", s.get("DB_POOL_TIMEOUT", "2s"));
        if (timeout.compareTo(SHORTEST_POOL_TIMEOUT) < 0) {
            throw new IllegalArgumentException("DB_POOL_TIMEOUT must be at least 250ms, not '"
                    + s.get("DB_POOL_TIMEOUT") + "'");
        }
        return new DatabaseSettings(jndi == null ? DEFAULT_JNDI_NAME : jndi, jndi != null, s.get("DB_URL"),
                s.get("DB_HOST"), port, s.get("DB_USER"), s.get("DB_PASSWORD"), s.get("DB_NAME"), sslMode(s.get("DB_SSL_MODE")), size, timeout);
    }

    private static String sslMode(String value) {
        if (value == null || value.matches("disable|trust|verify-ca|verify-full")) {
            return value;
        }
        throw new IllegalArgumentException("DB_SSL_MODE must be disable, trust, verify-ca or verify-full, not '"
                + value + "'");
    }

    private static int positive(String key, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive whole number, not '" + value + "'");
    }

    /** The MariaDB Connector/J URL for {@code DB_HOST}/{@code DB_PORT}/{@code DB_NAME}. */
    String hostUrl() {
        String host = this.host.contains(":") && !this.host.startsWith("[") ? "[" + this.host + "]" : this.host;
        return "jdbc:mariadb://" + host + ":" + port + "/" + (name == null ? "" : name);
    }

    @Override
    public String toString() { // never the password
        return "DatabaseSettings[jndi=" + jndiName + ", url=" + url + ", host=" + host + ", port=" + port
                + ", user=" + user + ", name=" + name + ", sslMode=" + sslMode + ", poolSize=" + poolSize + ", poolTimeout=" + poolTimeout + "]";
    }
}
