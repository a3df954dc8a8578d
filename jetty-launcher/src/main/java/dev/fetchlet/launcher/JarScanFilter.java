package dev.fetchlet.launcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The jars that the start-up scan for servlet container initializers' {@code @HandlesTypes} classes skips.
 *
 * <p>At start, Jetty reads every class of every scanned jar to find handler classes: on a typical Fetchlet WAR
 * that is 3 MB of Jackson, Prometheus and CloudEvents classes, none of which can be a handler, and most of the
 * start-up CPU after class loading. This filter names such libraries by jar file name, like Tomcat's
 * {@code jarsToSkip}. A skipped jar is still on the app's class path and its own initializers still run; only
 * its classes are not offered to initializers, and its {@code META-INF/resources} and {@code web-fragment.xml}
 * are not read. {@code WEB-INF/classes} and every other jar (the adapter, the app's own jars) are scanned.
 *
 * <p>The setting is a comma-separated list of file-name globs ({@code *} matches any run of characters):
 * {@code default} stands for {@link #DEFAULT_SKIPS}, {@code none} (or an empty list) scans every jar.
 *
 * <pre>{@code
 * JarScanFilter.parse("default,my-big-library-*.jar").skips("jackson-core-2.22.3.jar");  // true
 * JarScanFilter.parse("none").skips("jackson-core-2.22.3.jar");                           // false
 * }</pre>
 */
public final class JarScanFilter {

    /**
     * Well-known libraries that hold no Fetchlet handler and no base class of one, among them what Jersey
     * brings along (Javassist alone is 0.8 MB of classes). OpenTelemetry is not listed: skipping it changed the
     * order in which a class path app's initializers ran. Spring is not listed: a user's
     * {@code SpringBootServletInitializer} subclass is found through Spring's own jars.
     */
    public static final List<String> DEFAULT_SKIPS = List.of(
        "jackson-*.jar", "cloudevents-*.jar", "prometheus-metrics-*.jar", "simpleclient*.jar",
        "slf4j-*.jar", "jul-to-slf4j-*.jar", "jcl-over-slf4j-*.jar", "logback-*.jar", "log4j-*.jar",
        "jersey-*.jar", "hk2-*.jar", "javalin-*.jar", "jetty-*.jar", "kotlin-*.jar", "kotlinx-*.jar",
        "jakarta.*.jar", "annotations-*.jar", "h2-*.jar", "mariadb-java-client-*.jar", "HikariCP-*.jar",
        "javassist-*.jar", "aopalliance-*.jar", "osgi-resource-locator-*.jar");

    /** The launcher's default: skip {@link #DEFAULT_SKIPS}. */
    public static final JarScanFilter DEFAULT = new JarScanFilter(DEFAULT_SKIPS);

    /** Scans every jar, as Jetty does by default. */
    public static final JarScanFilter NONE = new JarScanFilter(List.of());

    private final List<String> globs;
    private final Pattern fileNames;

    private JarScanFilter(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.fileNames = Pattern.compile(this.globs.isEmpty() ? "(?!)" : alternatives(this.globs));
    }

    /**
     * Reads a setting such as {@code default}, {@code none} or {@code default,acme-*.jar}.
     *
     * @throws IllegalArgumentException for a glob that is not a plain file name (it holds {@code /})
     */
    public static JarScanFilter parse(String setting) {
        Set<String> globs = new LinkedHashSet<>();
        for (String part : setting.split(",")) {
            String glob = part.trim();
            if (glob.isEmpty() || glob.toLowerCase(Locale.ROOT).equals("none")) {
                continue;
            }
            if (glob.toLowerCase(Locale.ROOT).equals("default")) {
                globs.addAll(DEFAULT_SKIPS);
            } else if (glob.contains("/") || glob.contains("\\")) {
                throw new IllegalArgumentException("A jar to skip is a file name glob such as 'acme-*.jar', not a path: '"
                    + glob + "'");
            } else {
                globs.add(glob);
            }
        }
        return new JarScanFilter(new ArrayList<>(globs));
    }

    /** The globs, in the order given. */
    public List<String> globs() {
        return globs;
    }

    /** Whether the jar with this file name is left out of the scan. */
    public boolean skips(String jarFileName) {
        return fileNames.matcher(jarFileName).matches();
    }

    /**
     * Jetty's include pattern for {@code WEB-INF/lib} jars and class path entries: matches the URI of every
     * entry whose last segment is not skipped. Jetty splits such patterns at commas, so none is used.
     */
    String includePattern(List<String> alsoSkipped) {
        List<String> all = new ArrayList<>(globs);
        all.addAll(alsoSkipped);
        if (all.isEmpty()) {
            return ".*";
        }
        return "^.*/(?!(?:" + alternatives(all) + ")/?$)[^/]+/?$";
    }

    private static String alternatives(List<String> globs) {
        List<String> regexes = new ArrayList<>();
        for (String glob : globs) {
            regexes.add(globRegex(glob));
        }
        return String.join("|", regexes);
    }

    private static String globRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append("[^/]*");
            } else if (Character.isLetterOrDigit(c)) {
                regex.append(c);
            } else {
                // Escaped by code point: \Q..\E would break on a literal \E, and Jetty splits its patterns at commas.
                regex.append("\\x{").append(Integer.toHexString(c)).append('}');
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return globs.isEmpty() ? "none" : String.join(",", globs);
    }
}
