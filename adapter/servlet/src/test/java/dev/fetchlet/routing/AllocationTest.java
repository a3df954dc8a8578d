package dev.fetchlet.routing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Matching a static route or missing allocates nothing, even before the JIT compiler could remove allocations:
 * the lookup hashes path regions in place and static matches are shared.
 */
class AllocationTest {
    private static final int CALLS = 20_000;

    @Test
    void staticHitsAndMissesAllocateNothing() {
        com.sun.management.ThreadMXBean threads = threadBean();
        RouteTable<String> table = table(1000);
        assertNotNull(table.match("/svc500/items/list/"));
        assertNull(table.match("/nothing/here"));

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            table.match("/svc500/items/list/");
            table.match("/nothing/here");
            table.match("/svc500/users/7/orders"); // a miss after a param branch was tried
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / (3L * CALLS);
        assertTrue(perCall == 0, "bytes allocated per call: " + perCall);
    }

    private static RouteTable<String> table(int services) {
        RouteTable.Builder<String> builder = RouteTable.builder();
        for (int i = 0; i < services; i++) {
            builder.add("/svc" + i + "/users/[id]", "users", "Users" + i);
            builder.add("/svc" + i + "/items/list", "items", "Items" + i);
        }
        return builder.build();
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        return threads;
    }
}
