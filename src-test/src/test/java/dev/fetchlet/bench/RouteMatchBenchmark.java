package dev.fetchlet.bench;

import dev.fetchlet.routing.RouteMatch;
import dev.fetchlet.routing.RouteTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of {@link RouteTable#match} by table size and kind of hit. The table mixes the shapes a real app has:
 * per service, a static route, an {@code [id]} route, a nested two-parameter route and a catch-all.
 *
 * <p>Run with {@code src-test/bench/route-match.sh}; {@code -prof gc} shows the bytes each match allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteMatchBenchmark {
    private static final String[] SHAPES = {
        "/svc%d/items/list",
        "/svc%d/users/[id]",
        "/svc%d/users/[id]/orders/[order]",
        "/svc%d/[[rest]]",
    };

    @Param({"10", "1000", "10000"})
    int routes;

    private RouteTable<String> table;
    private String staticHit;
    private String paramHit;
    private String twoParamHit;
    private String catchAllHit;
    private String escapedHit;
    private String miss;

    @Setup
    public void buildTable() {
        RouteTable.Builder<String> builder = RouteTable.builder();
        builder.add("/", "home", "com.example.Home");
        builder.add("/health/liveness", "liveness", "com.example.Liveness");
        for (int added = 2; added < routes; added++) {
            int service = added / SHAPES.length;
            String pattern = String.format(SHAPES[added % SHAPES.length], service);
            builder.add(pattern, pattern, "com.example.Service" + service + "Handler");
        }
        table = builder.build();
        int service = (table.size() / SHAPES.length) / 2; // a service in the middle of the table
        staticHit = "/svc" + service + "/items/list";
        paramHit = "/svc" + service + "/users/1024";
        twoParamHit = "/svc" + service + "/users/1024/orders/77";
        catchAllHit = "/svc" + service + "/docs/guide/intro";
        escapedHit = "/svc" + service + "/users/a%20b";
        miss = "/nothing/here";
        requireMatch(staticHit, "/svc" + service + "/items/list");
        requireMatch(paramHit, "/svc" + service + "/users/[id]");
        requireMatch(twoParamHit, "/svc" + service + "/users/[id]/orders/[order]");
        requireMatch(catchAllHit, "/svc" + service + "/[[rest]]");
        if (table.match(miss) != null) {
            throw new IllegalStateException(miss + " should not match");
        }
    }

    private void requireMatch(String path, String pattern) {
        RouteMatch<String> m = table.match(path);
        if (m == null || !m.pattern().equals(pattern)) {
            throw new IllegalStateException(path + " should match " + pattern + ", got " + m);
        }
    }

    @Benchmark
    public RouteMatch<String> staticHit() {
        return table.match(staticHit);
    }

    @Benchmark
    public RouteMatch<String> paramHit() {
        return table.match(paramHit);
    }

    @Benchmark
    public RouteMatch<String> twoParamHit() {
        return table.match(twoParamHit);
    }

    @Benchmark
    public RouteMatch<String> catchAllHit() {
        return table.match(catchAllHit);
    }

    @Benchmark
    public RouteMatch<String> escapedParamHit() {
        return table.match(escapedHit);
    }

    @Benchmark
    public RouteMatch<String> miss() {
        return table.match(miss);
    }
}
