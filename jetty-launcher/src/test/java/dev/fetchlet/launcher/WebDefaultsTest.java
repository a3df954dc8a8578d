package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fetchlet.launcher.testapp.LocaleServlet;

/** The launcher gives every app what Jetty's default descriptor would, set in code (see {@link WebDefaults}). */
class WebDefaultsTest {

    @TempDir
    Path temp;

    @Test
    void theDefaultServletServesStaticFilesWelcomeFilesAndRanges() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = start(app)) {
            assertEquals(TestApps.INDEX_HTML, Http.get(server.uri().resolve("/")).body(), "welcome file");

            HttpResponse<String> range = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri().resolve("/index.html")).header("Range", "bytes=0-4").build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(206, range.statusCode());
            assertEquals(TestApps.INDEX_HTML.substring(0, 5), range.body());
            assertEquals("bytes", range.headers().firstValue("Accept-Ranges").orElse(""));
        }
    }

    @Test
    void anAppsOwnRootMappingTakesOverAndLocaleEncodingsAndSessionTimeoutApply() throws Exception {
        Path app = temp.resolve("app");
        TestApps.writeIndex(app);
        Files.createDirectories(app.resolve("WEB-INF"));
        Files.writeString(app.resolve("WEB-INF/web.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <servlet>
                <servlet-name>front</servlet-name>
                <servlet-class>%s</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>front</servlet-name>
                <url-pattern>/</url-pattern>
              </servlet-mapping>
            </web-app>
            """.formatted(LocaleServlet.class.getName()));
        try (FetchletServer server = start(app)) {
            HttpResponse<String> response = Http.get(server.uri().resolve("/index.html"));

            assertEquals(200, response.statusCode());
            assertEquals("charset=Shift_JIS session-timeout=30 path=/index.html", response.body());
        }
    }

    private static FetchletServer start(Path app) {
        FetchletServer server = FetchletServer.builder().app(app).host("127.0.0.1").port(0).build();
        server.start();
        return server;
    }
}
