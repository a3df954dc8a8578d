package dev.fetchlet.servlet;

import dev.fetchlet.config.FetchletConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** What one deployed web app's routes share across requests: settings, environment and the watchdog. */
final class Deployment implements AutoCloseable {
    final FetchletConfig config;
    final Map<String, String> env;
    final Watchdog watchdog;
    private final List<RequestObserver> observers = new CopyOnWriteArrayList<>();

    Deployment(FetchletConfig config, Map<String, String> env) {
        this.config = config;
        this.env = env;
        this.watchdog = new Watchdog(config.timeout());
    }

    void observe(RequestObserver observer) {
        observers.add(observer);
    }

    List<RequestObserver> observers() {
        return observers;
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
