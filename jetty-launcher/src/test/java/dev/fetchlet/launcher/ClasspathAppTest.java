package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fetchlet.launcher.testapp.MountInitializer;
import jakarta.servlet.ServletContainerInitializer;

/** An app with no WAR: its initializer and servlets are on the JVM classpath, found by scanning it. */
class ClasspathAppTest {

    @TempDir
    Path temp;

    @Test
    void initializerOnTheClasspathFindsItsHandlesTypesInClasspathFolders() throws Exception {
        // The service file goes in a folder of its own so that no other test's app picks the initializer up.
        Path services = Files.createDirectories(temp.resolve("services/META-INF/services"));
        Files.writeString(services.resolve(ServletContainerInitializer.class.getName()), MountInitializer.class.getName());
        Path staticFolder = temp.resolve("static");
        TestApps.writeIndex(staticFolder);

        try (LauncherProcess launcher = LauncherProcess.start(ClasspathAppMain.class, temp.resolve("services"),
            Map.of(), staticFolder.toString())) {
            URI base = URI.create("http://127.0.0.1:" + launcher.awaitPort(Duration.ofSeconds(60)) + "/");
            // The servlet the initializer found answers. (The banner's route listing is not checked: Fetchlet's own
            // initializer, on this classpath too, writes the same attribute, and which of the two runs last is
            // the order of the classpath, which the servlet spec leaves open and test dependencies change.)
            HttpResponse<String> hello = Http.get(base.resolve("/hello"));
            assertEquals(200, hello.statusCode());
            assertEquals("hello", hello.body());
            assertEquals(TestApps.INDEX_HTML, Http.get(base.resolve("/")).body());
            assertEquals("true", Http.get(base.resolve("/websocket-container")).body());

            launcher.terminate();
            assertEquals(0, launcher.awaitExit(Duration.ofSeconds(30)), launcher.output());
            assertTrue(launcher.lines().contains("context destroyed"), launcher.output());
        }
    }

    @Test
    void scanPatternSkipsTheLaunchersOwnLibrariesAndWellKnownOnes() {
        Pattern pattern = Pattern.compile(JarScanFilter.DEFAULT.includePattern(WebApps.CLASSPATH_ALWAYS_SKIPPED));

        assertTrue(pattern.matcher("file:///app/target/classes/").matches());
        assertTrue(pattern.matcher("file:///repo/dev/fetchlet/fetchlet-adapter/0.1.0/fetchlet-adapter-0.1.0.jar").matches());
        assertTrue(pattern.matcher("file:///lib/my-functions.jar").matches());
        assertFalse(pattern.matcher("file:///repo/org/eclipse/jetty/jetty-server/12.1.8/jetty-server-12.1.8.jar").matches());
        assertFalse(pattern.matcher("file:///repo/jakarta/servlet/jakarta.servlet-api-6.0.0.jar").matches());
        assertFalse(pattern.matcher("file:///repo/ch/qos/logback/logback-classic-1.5.18.jar").matches());
        assertFalse(pattern.matcher("file:///repo/com/fasterxml/jackson-databind-2.22.3.jar").matches());
        assertTrue(Pattern.compile(JarScanFilter.NONE.includePattern(WebApps.CLASSPATH_ALWAYS_SKIPPED))
            .matcher("file:///repo/com/fasterxml/jackson-databind-2.22.3.jar").matches(), "none scans Jackson too");
    }
}
