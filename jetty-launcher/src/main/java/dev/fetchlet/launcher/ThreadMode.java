package dev.fetchlet.launcher;

import java.util.Locale;

/**
 * Which threads run requests ({@code --threads}, {@code FUNC_THREADS}).
 *
 * <ul>
 *   <li>{@link #AUTO} (the default): pooled platform threads while one is free; on a JDK 21+ runtime, a request
 *   that arrives when all are busy (handlers that wait on a slow backend) runs on a virtual thread instead of
 *   queueing. A handler that never blocks pays nothing for virtual threads.</li>
 *   <li>{@link #PLATFORM}: pooled platform threads only; requests beyond {@code --max-threads} queue.</li>
 *   <li>{@link #VIRTUAL}: every request on a new virtual thread (JDK 21+), as Jetty's virtual threads executor
 *   does it.</li>
 * </ul>
 */
public enum ThreadMode {
    AUTO, PLATFORM, VIRTUAL;

    /** {@code auto}, {@code platform} or {@code virtual}, in any case. */
    static ThreadMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--threads must be auto, platform or virtual, not '" + text + "'");
        }
    }
}
