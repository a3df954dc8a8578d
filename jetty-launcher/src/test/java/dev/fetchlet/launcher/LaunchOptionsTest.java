package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {

    @TempDir
    Path app;

    @Test
    void portFlagBeatsFuncPortBeatsPortBeatsDefault() {
        Map<String, String> both = Map.of("FUNC_PORT", "9001", "PORT", "9002");

        assertEquals(9000, LaunchOptions.resolvePort("9000", both));
        assertEquals(9001, LaunchOptions.resolvePort(null, both));
        assertEquals(9002, LaunchOptions.resolvePort(null, Map.of("PORT", "9002")));
        assertEquals(8080, LaunchOptions.resolvePort(null, Map.of()));
        assertEquals(9002, LaunchOptions.resolvePort(null, Map.of("FUNC_PORT", " ", "PORT", "9002")),
            "a blank variable counts as unset");
    }

    @Test
    void parsesFlagsInBothForms() {
        LaunchOptions options = parse(Map.of(), "--port", "0", "--host=127.0.0.1", "--grace-seconds", "5", app.toString());

        assertEquals(app, options.app());
        assertEquals(0, options.port());
        assertEquals("127.0.0.1", options.host());
        assertEquals(Duration.ofSeconds(5), options.gracePeriod());
    }

    @Test
    void defaultsToAllInterfacesAndThirtySecondsOrFuncGracePeriod() {
        LaunchOptions defaults = parse(Map.of(), app.toString());
        assertNull(defaults.host());
        assertEquals(8080, defaults.port());
        assertEquals(Duration.ofSeconds(30), defaults.gracePeriod());

        assertEquals(Duration.ofSeconds(7), parse(Map.of("FUNC_GRACE_PERIOD", "7"), app.toString()).gracePeriod());
        assertEquals(Duration.ofSeconds(3),
            parse(Map.of("FUNC_GRACE_PERIOD", "7"), "--grace-seconds=3", app.toString()).gracePeriod());
    }

    @Test
    void accessLogIsOffUnlessTheFlagOrFuncAccessLogSaysJson() {
        assertFalse(parse(Map.of(), app.toString()).accessLog());
        assertTrue(parse(Map.of(), "--access-log", "json", app.toString()).accessLog());
        assertTrue(parse(Map.of("FUNC_ACCESS_LOG", "JSON"), app.toString()).accessLog());
        assertTrue(parse(Map.of(), "--access-log=json", app.toString()).accessLog());
        assertUsageError("--access-log must be json or off: 'text'", Map.of(), "--access-log", "text", app.toString());
        assertUsageError("FUNC_ACCESS_LOG must be json or off", Map.of("FUNC_ACCESS_LOG", "yes"), app.toString());
    }

    @Test
    void headerTimeoutFlagBeatsFuncHeaderTimeoutBeatsTenSeconds() {
        assertEquals(Duration.ofSeconds(10), parse(Map.of(), app.toString()).headerTimeout());
        assertEquals(Duration.ofSeconds(4), parse(Map.of("FUNC_HEADER_TIMEOUT", "4"), app.toString()).headerTimeout());
        assertEquals(Duration.ofSeconds(2), parse(Map.of("FUNC_HEADER_TIMEOUT", "4"), "--header-timeout-seconds", "2",
            app.toString()).headerTimeout());
    }

    @Test
    void threadsFlagBeatsFuncThreadsBeatsAuto() {
        assertEquals(ThreadMode.AUTO, parse(Map.of(), app.toString()).threads());
        assertEquals(ThreadMode.VIRTUAL, parse(Map.of("FUNC_THREADS", "virtual"), app.toString()).threads());
        assertEquals(ThreadMode.PLATFORM,
            parse(Map.of("FUNC_THREADS", "virtual"), "--threads=Platform", app.toString()).threads());
        assertEquals(ThreadMode.VIRTUAL, FunctionMain.Options.parse(new String[] {"--threads", "virtual"},
            Map.of()).threads());
        assertEquals(ThreadMode.PLATFORM, FunctionMain.Options.parse(new String[0],
            Map.of("FUNC_THREADS", "platform")).threads());
    }

    @Test
    void anUnknownThreadModeIsAUsageError() {
        UsageException e = assertThrows(UsageException.class,
            () -> parse(Map.of(), "--threads", "green", app.toString()));
        assertEquals("--threads must be auto, platform or virtual, not 'green'", e.getMessage());
    }

    @Test
    void maxThreadsFlagBeatsFuncMaxThreadsBeatsJettysDefault() {
        assertEquals(200, parse(Map.of(), app.toString()).maxThreads());
        assertEquals(64, parse(Map.of("FUNC_MAX_THREADS", "64"), app.toString()).maxThreads());
        assertEquals(16, parse(Map.of("FUNC_MAX_THREADS", "64"), "--max-threads=16", app.toString()).maxThreads());
    }

    @Test
    void functionMainTakesTheSameHeaderTimeoutAndMaxThreadsSettings() {
        FunctionMain.Options options = FunctionMain.Options.parse(new String[] {"--max-threads", "12"},
            Map.of("FUNC_HEADER_TIMEOUT", "3", "FUNC_MAX_THREADS", "99"));
        assertEquals(Duration.ofSeconds(3), options.headerTimeout());
        assertEquals(12, options.maxThreads());
        assertThrows(UsageException.class, () -> FunctionMain.Options.parse(new String[] {"--max-threads", "2"}, Map.of()));
    }

    @Test
    void scanSkipJarsFlagBeatsTheEnvironmentBeatsTheDefault() {
        assertEquals(JarScanFilter.DEFAULT_SKIPS, parse(Map.of(), app.toString()).scanFilter().globs());
        assertEquals(java.util.List.of(),
            parse(Map.of("FUNC_SCAN_SKIP_JARS", "none"), app.toString()).scanFilter().globs());
        assertEquals(java.util.List.of("acme-*.jar"), parse(Map.of("FUNC_SCAN_SKIP_JARS", "none"),
            "--scan-skip-jars", "acme-*.jar", app.toString()).scanFilter().globs());
        assertUsageError("--scan-skip-jars", Map.of(), "--scan-skip-jars=lib/acme.jar", app.toString());
    }

    @Test
    void trainTakesOptionalPathsAndAFreeLoopbackPortUnlessTold() {
        assertFalse(parse(Map.of(), app.toString()).training());

        LaunchOptions plain = parse(Map.of("PORT", "9002"), "--train", app.toString());
        assertTrue(plain.training());
        assertEquals(java.util.List.of(), plain.trainPaths());
        assertEquals(0, plain.port(), "$PORT belongs to the real server");
        assertEquals("127.0.0.1", plain.host());

        LaunchOptions told = parse(Map.of(), "--train=/hello, /api/users/1", "--port", "9000", "--host", "::1",
            app.toString());
        assertEquals(java.util.List.of("/hello", "/api/users/1"), told.trainPaths());
        assertEquals(9000, told.port());
        assertEquals("::1", told.host());
        assertUsageError("start with '/'", Map.of(), "--train=hello", app.toString());
    }

    @Test
    void rejectsWhatCannotBeUsed() throws Exception {
        String existing = app.toString();
        Path other = Files.createDirectory(app.resolve("other"));

        assertUsageError("Missing the war", Map.of());
        assertUsageError("App not found", Map.of(), app.resolve("nope.war").toString());
        assertUsageError("Only one app", Map.of(), existing, other.toString());
        assertUsageError("Unknown option --prot", Map.of(), "--prot", "1", existing);
        assertUsageError("Missing value for --port", Map.of(), existing, "--port");
        assertUsageError("--port must be", Map.of(), "--port", "http", existing);
        assertUsageError("--port must be", Map.of(), "--port", "70000", existing);
        assertUsageError("FUNC_PORT must be", Map.of("FUNC_PORT", "x"), existing);
        assertUsageError("PORT must be", Map.of("PORT", "-1"), existing);
        assertUsageError("FUNC_GRACE_PERIOD must be", Map.of("FUNC_GRACE_PERIOD", "soon"), existing);
        assertUsageError("--grace-seconds must be", Map.of(), "--grace-seconds", "-2", existing);
        assertUsageError("--header-timeout-seconds must be a whole number, 1 or more", Map.of(),
            "--header-timeout-seconds", "0", existing);
        assertUsageError("FUNC_HEADER_TIMEOUT must be", Map.of("FUNC_HEADER_TIMEOUT", "10s"), existing);
        assertUsageError("--max-threads must be a whole number, 8 or more", Map.of(), "--max-threads", "4", existing);
        assertUsageError("FUNC_MAX_THREADS must be", Map.of("FUNC_MAX_THREADS", "many"), existing);
    }

    private static LaunchOptions parse(Map<String, String> env, String... args) {
        return LaunchOptions.parse(args, env);
    }

    private static void assertUsageError(String expected, Map<String, String> env, String... args) {
        UsageException error = assertThrows(UsageException.class, () -> LaunchOptions.parse(args, env));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
