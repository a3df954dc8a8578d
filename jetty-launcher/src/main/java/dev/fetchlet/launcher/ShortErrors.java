package dev.fetchlet.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Makes the errors Jetty answers by itself look like Fetchlet's own, and keeps Jetty from naming itself.
 *
 * <p>Jetty answers some requests before any web app runs (a request line or header block its parser refuses,
 * 414, 431, a path it finds ambiguous, a target outside every context) and others inside the web app without a
 * handler (the static files' 404, a folder's 403, 405). By default each gets an HTML page saying "Powered by
 * Jetty://" with its version, and every response a {@code Server: Jetty(12...)} header: a free hint for anyone
 * looking for a known vulnerability. Here each gets the body Fetchlet's adapter answers with,
 * {@code {"error":"Not Found"}} as {@code application/json}, whatever the method or {@code Accept} header, with
 * the reason phrase of the status and nothing else: never Jetty's message, which may quote the request or name
 * an exception class. A WAR's own {@code <error-page>} mappings still win inside the web app.
 *
 * <pre>{@code
 * Server server = new Server();
 * ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(
 *     ShortErrors.hideServerVersion(new HttpConfiguration())));
 * server.addConnector(connector);
 * ServletContextHandler app = new ServletContextHandler();
 * ShortErrors.install(app);
 * server.setHandler(app);
 * ShortErrors.install(server);
 * }</pre>
 */
public final class ShortErrors {

    private ShortErrors() {
    }

    /**
     * Answers the server's own errors (those outside any context) in the short shape, and turns off the
     * {@code Server} header on every connector added so far.
     */
    public static void install(Server server) {
        server.setErrorHandler(new ForServer());
        for (Connector connector : server.getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                hideServerVersion(http.getHttpConfiguration());
            }
        }
    }

    /**
     * Answers the context's errors in the short shape; call before the context starts, so that a WAR's
     * {@code web.xml} adds its error pages to this handler.
     */
    public static void install(ServletContextHandler context) {
        context.setErrorHandler(new ForContext());
    }

    /** Sends no {@code Server} and no {@code X-Powered-By} header; returns {@code config} for chaining. */
    public static HttpConfiguration hideServerVersion(HttpConfiguration config) {
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        return config;
    }

    /** The body for {@code status}: {@code {"error":"<reason phrase>"}}, as the adapter writes its own. */
    static String body(int status) {
        String reason = HttpStatus.getMessage(status);
        StringBuilder json = new StringBuilder("{\"error\":\"");
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            // Reason phrases are plain ASCII words; anything else is dropped rather than escaped.
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                json.append(c);
            }
        }
        return json.append("\"}").toString();
    }

    // Both handlers let Jetty manage the buffer and completion, asking it for JSON whatever the client accepts,
    // and replace the JSON it would write (URL, message, causes) with the short body.

    private static final class ForServer extends ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true; // a PUT's 405 gets the same body as a GET's
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                     String contentType, List<Charset> charsets, int code,
                                                     String message, Throwable cause) throws IOException {
            return super.generateAcceptableResponse(request, response, callback, "application/json",
                List.of(StandardCharsets.UTF_8), code, null, null);
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(body(code));
        }
    }

    private static final class ForContext extends ErrorPageErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                     String contentType, List<Charset> charsets, int code,
                                                     String message, Throwable cause) throws IOException {
            return super.generateAcceptableResponse(request, response, callback, "application/json",
                List.of(StandardCharsets.UTF_8), code, null, null);
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(body(code));
        }
    }
}
