package dev.fetchlet.launcher;

/**
 * System properties the launcher sets before Jetty's classes load, each only where the user set none, to spare
 * work Jetty would otherwise do at start.
 */
final class JettyPresets {

    /** Jetty sizes the padding of its thread pool's queue by this; unset, it asks JMX at class load. */
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private static final long COMPRESSED_OOPS_HEAP_LIMIT = 32L << 30;

    private JettyPresets() {
    }

    /**
     * Presets Jetty's references per cache line. Unset, Jetty's {@code MemoryUtils} starts the platform MBean
     * server to read the {@code UseCompressedOops} flag: about 80 ms of a cold start. A 64-byte line holds 16
     * compressed references, which the JVM uses by default below a 32 GB heap, else 8. A wrong guess (compressed
     * references turned off by hand) only changes the padding against false sharing, never behaviour.
     */
    static void apply() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            boolean compressed = Runtime.getRuntime().maxMemory() < COMPRESSED_OOPS_HEAP_LIMIT;
            System.setProperty(REFERENCES_PER_CACHE_LINE, compressed ? "16" : "8");
        }
    }
}
