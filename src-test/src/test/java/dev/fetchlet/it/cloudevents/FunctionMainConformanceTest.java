package dev.fetchlet.it.cloudevents;

import dev.fetchlet.it.function.ChildJvm;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sample of the conformance cases through the function launcher ({@code FunctionMain}) in its own JVM, as an
 * outsider would try it: one case of each category.
 */
class FunctionMainConformanceTest {
    private static final String ECHO = "dev.fetchlet.it.function.fixtures.EchoCloudEventFunction";

    @Test
    void oneCaseOfEachCategoryThroughTheLauncher() throws Exception {
        try (ChildJvm child = ChildJvm.functionMain(List.of(), List.of("--port", "0", "--host", "127.0.0.1", ECHO),
                Map.of())) {
            URI uri = URI.create("http://127.0.0.1:" + child.awaitPort() + "/");
            Map<String, ConformanceCase> firstOfEach = new java.util.LinkedHashMap<>();
            for (ConformanceCase c : ConformanceData.all()) {
                firstOfEach.putIfAbsent(c.category(), c);
            }
            for (ConformanceCase c : firstOfEach.values()) {
                CloudEventConformanceTest.judge(c, CloudEventConformanceTest.send(uri, c.headers(), c.body()));
            }
        }
    }
}
