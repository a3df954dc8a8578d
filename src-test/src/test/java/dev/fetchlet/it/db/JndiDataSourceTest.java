package dev.fetchlet.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A container-managed DataSource found through JNDI wins over the settings: on embedded Tomcat with a
 * {@code jdbc/fetchlet} resource on MariaDB, and {@code DB_*} unset, the app reads the rows the test put in that
 * database (not the embedded H2's seed), and {@code /metrics} reports the container's pool.
 */
class JndiDataSourceTest {
    private static MariaDbServer mariaDb;
    private static JndiTomcatApp app;
    private static TodoClient client;

    @BeforeAll
    static void start() throws Exception {
        mariaDb = MariaDbServer.get();
        String name = mariaDb.freshDatabase("jndi_test");
        try (Connection c = mariaDb.connect(name); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE user (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                    + "email VARCHAR(200) NOT NULL)");
            s.execute("INSERT INTO user (name, email) VALUES ('Jndi Person', 'jndi@example.com')");
        }
        app = JndiTomcatApp.start(Map.of("jdbcUrl", mariaDb.url(name), "driverClassName", "org.mariadb.jdbc.Driver",
                "username", "root", "password", "", "poolName", "tomcat-jndi", "maximumPoolSize", "3"));
        client = new TodoClient(app);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theAppUsesTheContainersDataSource() throws Exception {
        HttpResponse<String> r = client.get("/db");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode data = TodoClient.json(r).get("data");
        assertEquals(1, data.size(), r.body());
        assertEquals("Jndi Person", data.get(0).get("name").asText());
    }

    @Test
    void theTodoApiWorksThroughIt() throws Exception {
        HttpResponse<String> created = client.create("Through JNDI");
        assertEquals(201, created.statusCode(), created.body());
        try (Connection c = mariaDb.connect("jndi_test"); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM todo WHERE title = 'Through JNDI'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void metricsReportTheContainersPool() throws Exception {
        client.get("/db");
        String metrics = client.get("/metrics").body();
        assertEquals(3, TodoClient.sample(metrics, "hikaricp_connections_max{pool=\"tomcat-jndi\"}"), metrics);
        assertTrue(TodoClient.sample(metrics, "hikaricp_connections_idle{pool=\"tomcat-jndi\"}") >= 0, metrics);
    }
}
