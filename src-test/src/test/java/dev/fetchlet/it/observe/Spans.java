package dev.fetchlet.it.observe;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.function.Predicate;

/** An OpenTelemetry SDK that keeps the spans it ends in memory, for a test to read. */
final class Spans implements AutoCloseable {
    final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    /**
     * The one ended span that matches, waiting for it: a server span ends once the response is complete, which
     * may be a moment after the client has read it.
     */
    SpanData await(Predicate<SpanData> which) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            List<SpanData> found = exporter.getFinishedSpanItems().stream().filter(which).toList();
            if (found.size() > 1) {
                throw new AssertionError("more than one span matches: " + found);
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no span matches; ended: " + exporter.getFinishedSpanItems());
    }

    static Predicate<SpanData> named(String name) {
        return s -> s.getName().equals(name);
    }

    @Override
    public void close() {
        sdk.close();
    }
}
