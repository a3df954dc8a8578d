package dev.fetchlet.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database's life follows the app's: its pool's connections are opened for it and closed when it stops;
 * two web apps in one JVM never share one; a setting that cannot work fails the deployment, naming it.
 */
class DatabaseLifecycleTest {

    @Test
    void stoppingTheAppClosesItsConnections() throws Exception {
        MariaDbServer mariaDb = MariaDbServer.get();
        String name = mariaDb.freshDatabase("lifecycle_test");
        DbApps.JettyApp app = DbApps.onJetty(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(mariaDb.port()),
                "DB_USER", "root", "DB_NAME", name, "DB_SSL_MODE", "disable", "DB_POOL_SIZE", "3"));
        try {
            assertEquals(200, new TodoClient(app).get("/db").statusCode());
            assertTrue(connectionsTo(mariaDb, name) > 0, "the pool holds connections while the app runs");
        } finally {
            app.close();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (connectionsTo(mariaDb, name) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, connectionsTo(mariaDb, name), "no connection is left open once the app has stopped");
    }

    @Test
    void twoAppsInOneJvmHaveADatabaseEach() throws Exception {
        try (DbApps.JettyApp first = DbApps.onJetty(Map.of()); DbApps.JettyApp second = DbApps.onJetty(Map.of())) {
            String title = "Only in the first app " + UUID.randomUUID();
            assertEquals(201, new TodoClient(first).create(title).statusCode());
            String q = "/api/todos?q=" + title.substring(22);
            assertTrue(new TodoClient(first).get(q).body().contains(title));
            HttpResponse<String> other = new TodoClient(second).get(q);
            assertEquals(200, other.statusCode());
            assertEquals("[]", other.body(), "the second app's embedded database is its own");
        }
    }

    @Test
    void aMalformedSettingFailsTheDeploymentNamingIt() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> DbApps.onJetty(Map.of("DB_POOL_SIZE", "ten")).close());
        assertTrue(causes(e).contains("DB_POOL_SIZE must be a positive whole number"), causes(e));
    }

    @Test
    void aJndiNameThatIsSetButMissingFailsTheDeployment() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> DbApps.onJetty(Map.of("FUNC_DB_JNDI", "java:comp/env/jdbc/missing")).close());
        String causes = causes(e);
        assertTrue(causes.contains("FUNC_DB_JNDI names java:comp/env/jdbc/missing"), causes);
        assertFalse(causes.contains("embedded H2"), causes);
    }

    private static int connectionsTo(MariaDbServer mariaDb, String database) throws Exception {
        try (Connection c = mariaDb.connect("");
             PreparedStatement q = c.prepareStatement(
                     "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()")) {
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
