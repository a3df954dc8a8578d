package dev.fetchlet.db;

import dev.fetchlet.config.Settings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the web app's {@link Database} when the container starts the app, and closes it when the app stops.
 * Found by the container through {@code META-INF/services}, like Fetchlet's own initializer; the pool's figures
 * reach {@code /metrics} through {@link PoolMetrics}, a feature of the deployment.
 */
public final class DatabaseInitializer implements ServletContainerInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseInitializer.class);

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Settings settings = Settings.fromProcess(context::getInitParameter);
        ClassLoader app = context.getClassLoader();
        String poolName = poolName(context);
        Database db = DataSources.open(DatabaseSettings.load(settings), poolName, app);
        db.register(app);
        LOG.info("Database: {}", db.origin());
        context.addListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                db.close(app);
            }
        });
    }

    /** The name of the pool this module opens for the app, from its context path: {@code fetchlet-shop}. */
    static String poolName(ServletContext context) {
        return "fetchlet" + context.getContextPath().replace('/', '-');
    }
}
