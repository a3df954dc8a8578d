package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

class ThreadPoolsTest {

    @Test
    void autoModeRunsJobsOnPlatformThreadsWhileOneIsFree() throws Exception {
        QueuedThreadPool pool = ThreadPools.create(8, ThreadMode.AUTO);
        pool.start();
        try {
            CountDownLatch done = new CountDownLatch(1);
            AtomicInteger virtual = new AtomicInteger();
            pool.execute(() -> {
                if (isVirtual(Thread.currentThread())) {
                    virtual.incrementAndGet();
                }
                done.countDown();
            });
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertEquals(0, virtual.get());
        } finally {
            pool.stop();
        }
    }

    @Test
    void autoModeOverflowsToVirtualThreadsOnceEveryPlatformThreadWaitsOnJdk21OrLater() throws Exception {
        assumeTrue(ThreadPools.virtualThreadsSupported(), "virtual threads need a JDK 21+ runtime");
        QueuedThreadPool pool = ThreadPools.create(8, ThreadMode.AUTO);
        pool.start();
        CountDownLatch release = new CountDownLatch(1);
        try {
            int jobs = 50; // far more than the 8 platform threads: the rest would queue in a plain pool
            CountDownLatch started = new CountDownLatch(jobs);
            AtomicInteger virtual = new AtomicInteger();
            for (int i = 0; i < jobs; i++) {
                pool.execute(() -> {
                    if (isVirtual(Thread.currentThread())) {
                        virtual.incrementAndGet();
                    }
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertTrue(started.await(10, TimeUnit.SECONDS), "every waiting job runs at once");
            assertTrue(virtual.get() >= jobs - 8, "virtual threads took the overflow: " + virtual.get());
            assertTrue(pool.getThreads() <= 8);
        } finally {
            release.countDown();
            pool.stop();
        }
    }

    @Test
    void platformModeQueuesWhatItsThreadsCannotTake() throws Exception {
        QueuedThreadPool pool = ThreadPools.create(8, ThreadMode.PLATFORM);
        pool.start();
        CountDownLatch release = new CountDownLatch(1);
        try {
            CountDownLatch started = new CountDownLatch(20);
            for (int i = 0; i < 20; i++) {
                pool.execute(() -> {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertFalse(started.await(300, TimeUnit.MILLISECONDS), "no more than 8 jobs run at once");
            assertEquals(12, started.getCount());
            release.countDown();
            assertTrue(started.await(10, TimeUnit.SECONDS), "the queued jobs run once threads are free");
        } finally {
            release.countDown();
            pool.stop();
        }
    }

    // By reflection: the tests' bytecode targets Java 17.
    private static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
