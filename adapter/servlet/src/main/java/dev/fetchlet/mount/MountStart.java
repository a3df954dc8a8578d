package dev.fetchlet.mount;

import dev.fetchlet.config.Settings;
import java.util.Locale;

/**
 * When mounted apps start ({@code FUNC_MOUNT_START}): {@code lazy} (the default) on the first request that reaches
 * each, {@code eager} at deploy. Lazy start keeps a framework's set-up (Jersey's takes about half a second of CPU)
 * out of the process's start, so a scale-to-zero instance answers its first request to anything else sooner;
 * eager start makes a broken app fail the deployment instead of answering 503.
 *
 * <pre>{@code
 * FUNC_MOUNT_START=eager java -jar fetchlet-launcher.jar app.war
 * }</pre>
 */
public enum MountStart {
    /** Started by the first request that reaches the app (or a readiness probe retrying a failed start). */
    LAZY,
    /** Started at deploy; a failure fails the deployment. */
    EAGER;

    /** The setting's key. */
    public static final String KEY = "FUNC_MOUNT_START";

    /**
     * The configured mode, {@link #LAZY} when unset.
     *
     * @throws IllegalArgumentException naming the key, for a value other than {@code lazy} or {@code eager}
     */
    public static MountStart from(Settings settings) {
        String value = settings.get(KEY);
        if (value == null || value.isBlank()) {
            return LAZY;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "lazy" -> LAZY;
            case "eager" -> EAGER;
            default -> throw new IllegalArgumentException(KEY + " must be lazy or eager, not '" + value + "'");
        };
    }
}
