package dev.fetchlet.metrics;

import dev.fetchlet.observe.AfterResponseTasks;
import dev.fetchlet.servlet.Gauge;
import dev.fetchlet.servlet.RequestObserver;
import dev.fetchlet.servlet.RequestScope;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deployment's request metrics, in its own registry (two web apps in one container never mix or collide):
 * <ul>
 *   <li>{@code faas_invocations_total} — requests answered, by route pattern, method and status;</li>
 *   <li>{@code faas_errors_total} — those answered with a 5xx status;</li>
 *   <li>{@code faas_invocation_duration_seconds} — a latency histogram, same labels;</li>
 *   <li>{@code faas_wait_until_pending} — {@code ctx.waitUntil} tasks registered and not yet finished;</li>
 *   <li>{@code faas_wait_until_failed_total} — those that threw.</li>
 * </ul>
 * Labels {@code faas_name} ({@code FAAS_NAME}, else {@code K_SERVICE}), {@code faas_revision}
 * ({@code K_REVISION}) and {@code faas_configuration} ({@code K_CONFIGURATION}) are added to every series when set. Every route kind is counted by its declared pattern
 * ({@link RequestScope} reports it); requests no route claimed (static files, 404s) and the built-in endpoints
 * are not, so the label stays bounded.
 *
 * <p>Other features add figures of their own (a connection pool's, say) as {@link Gauge}s through the
 * deployment, with no dependency on Prometheus or on this module; each becomes a gauge read at each scrape, in
 * the same registry. Their names must differ from these.
 */
final class RouteMetrics implements RequestObserver {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private static final String[] LABELS = {"route", "method", "status"};
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Labels constLabels;
    private final Counter invocations;
    private final Counter errors;
    private final Histogram duration;
    // Each request's series, resolved once: a labelValues call costs a varargs array, a list, an iterator and a
    // lookup hashing three strings, per metric. Bounded like the series themselves (routes x methods x statuses).
    private final Map<Series, Points> points = new ConcurrentHashMap<>();

    private record Series(String route, String method, int status) {
    }

    private record Points(CounterDataPoint invocations, CounterDataPoint errors, DistributionDataPoint duration) {
    }

    RouteMetrics(Map<String, String> constLabels, List<Gauge> gauges) {
        Labels labels = Labels.of(constLabels.keySet().toArray(new String[0]),
                constLabels.values().toArray(new String[0]));
        this.constLabels = labels;
        invocations = Counter.builder().name("faas_invocations").help("Requests answered by a route")
                .labelNames(LABELS).constLabels(labels).register(registry);
        errors = Counter.builder().name("faas_errors").help("Requests a route answered with a 5xx status")
                .labelNames(LABELS).constLabels(labels).register(registry);
        duration = Histogram.builder().name("faas_invocation_duration_seconds").unit(Unit.SECONDS)
                .help("Time from receiving a request to completing its answer").classicOnly()
                .classicUpperBounds(BUCKETS).labelNames(LABELS).constLabels(labels).register(registry);
        for (Gauge g : gauges) {
            GaugeWithCallback.builder().name(g.name()).help(g.help()).labelNames(g.label())
                    .callback(cb -> g.values().get().forEach((value, figure) -> cb.call(figure.doubleValue(), value)))
                    .register(registry);
        }
    }

    /** Reports the deployment's {@code waitUntil} tasks: pending now, failed so far. */
    void reportWaitUntil(AfterResponseTasks tasks) {
        GaugeWithCallback.builder().name("faas_wait_until_pending")
                .help("ctx.waitUntil tasks registered and not yet finished").constLabels(constLabels)
                .callback(cb -> cb.call(tasks.pending())).register(registry);
        CounterWithCallback.builder().name("faas_wait_until_failed")
                .help("ctx.waitUntil tasks that threw").constLabels(constLabels)
                .callback(cb -> cb.call(tasks.failed())).register(registry);
    }

    @Override
    public void answered(String route, String method, int status, long nanos) {
        Series series = new Series(route, method, status);
        Points p = points.get(series);
        if (p == null) {
            p = points.computeIfAbsent(series, this::resolve);
        }
        p.invocations().inc();
        if (p.errors() != null) {
            p.errors().inc();
        }
        p.duration().observe(nanos / 1e9);
    }

    private Points resolve(Series s) {
        String code = Integer.toString(s.status());
        return new Points(invocations.labelValues(s.route(), s.method(), code),
                s.status() >= 500 ? errors.labelValues(s.route(), s.method(), code) : null,
                duration.labelValues(s.route(), s.method(), code));
    }

    /** Writes the metrics, the gauges' figures read now. */
    void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
