package dev.fetchlet.config;

import java.time.Duration;
import java.util.Locale;

/** Parses the sizes, durations and switches of configuration values, such as {@code 6MB}, {@code 30s}, {@code on}. */
public final class Units {
    private Units() {
    }

    /**
     * A switch from {@code true}/{@code false}, {@code yes}/{@code no}, {@code on}/{@code off} or {@code 1}/{@code 0},
     * in any case. Anything else is refused rather than read as {@code false}, so that a typo fails the deployment.
     */
    public static boolean flag(String key, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0", "":
                return false;
            default:
                throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
        }
    }

    /**
     * Bytes from {@code 1048576}, {@code 512KB}, {@code 6MB}, {@code 1GB} (binary multiples; {@code k}, {@code m},
     * {@code g}, {@code KiB}, ... also accepted).
     */
    public static long bytes(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        String[][] suffixes = {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"},
            {"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"},
            {"k", "1024"}, {"m", "1048576"}, {"g", "1073741824"}, {"b", "1"}};
        for (String[] s : suffixes) {
            if (v.endsWith(s[0])) {
                unit = Long.parseLong(s[1]);
                v = v.substring(0, v.length() - s[0].length());
                break;
            }
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be a size such as 6MB or 1048576, not '" + value + "'");
        }
    }

    /**
     * A duration from {@code 30} (seconds), {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} or ISO-8601
     * ({@code PT30S}, {@code P1D}).
     */
    public static Duration duration(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(value.trim());
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 30s or 500ms, not '" + value + "'");
        }
    }

    /** Whether a setting's value turns the thing off: {@code off}, {@code false} or {@code none}. */
    public static boolean isOff(String value) {
        return value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false") || value.equalsIgnoreCase("none");
    }

    /**
     * A setting that names a path.
     *
     * @throws IllegalArgumentException if it does not start with {@code /}
     */
    public static String path(String key, String value) {
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException(key + " must be a path starting with '/', not '" + value + "'");
        }
        return value;
    }
}
