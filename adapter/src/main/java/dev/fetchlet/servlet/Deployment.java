package dev.fetchlet.servlet;

import dev.fetchlet.config.FetchletConfig;
import java.util.Map;

/** What one deployed web app's routes share across requests: settings, environment and the watchdog. */
final class Deployment implements AutoCloseable {
    final FetchletConfig config;
    final Map<String, String> env;
    final Watchdog watchdog;

    Deployment(FetchletConfig config, Map<String, String> env) {
        this.config = config;
        this.env = env;
        this.watchdog = new Watchdog(config.timeout());
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
