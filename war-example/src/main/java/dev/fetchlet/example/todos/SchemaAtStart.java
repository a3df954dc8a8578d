package dev.fetchlet.example.todos;

import dev.fetchlet.db.Database;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the example's tables when the app starts; a database that is down then gets them on first use. */
@WebListener
public class SchemaAtStart implements ServletContextListener {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaAtStart.class);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            Schema.ensure(Database.dataSource());
        } catch (SQLException e) {
            LOG.warn("Tables not created at start ({}); they will be on the first request that reaches the database",
                    e.getMessage());
        }
    }
}
