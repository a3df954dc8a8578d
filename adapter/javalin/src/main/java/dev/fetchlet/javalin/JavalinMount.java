package dev.fetchlet.javalin;

import io.javalin.Javalin;
import io.javalin.config.JavalinState;
import io.javalin.event.JavalinLifecycleEvent;
import io.javalin.http.servlet.JavalinServlet;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * A Javalin app as a plain servlet: Javalin's HTTP servlet ({@link JavalinServlet}) without the Jetty WebSocket
 * servlet {@code Javalin.javalinServlet()} returns when Jetty is around, so that the app runs in any container.
 * Javalin's lifecycle events fire at init and destroy, as its embedded server would fire them at start and stop.
 * Responses are encoded in UTF-8, as Javalin's own server encodes them, unless the web app sets another default:
 * Javalin encodes text in the response's character encoding, which is ISO-8859-1 by default in Tomcat.
 *
 * <p>The only class of the adapter that links to Javalin; loaded only when Javalin is on the classpath.
 */
final class JavalinMount extends GenericServlet {
    private final transient JavalinState state;
    private final transient JavalinServlet servlet;
    private String defaultEncoding;

    private JavalinMount(JavalinState state) {
        this.state = state;
        this.servlet = new JavalinServlet(state);
    }

    static JavalinMount of(JavalinApp app) {
        Javalin javalin = Javalin.create(config -> {
            app.configure(config);
            // The watcher warns of a server created but never started; a mounted app has no server to start.
            config.startup.startupWatcherEnabled = false;
        });
        return new JavalinMount(javalin.unsafe);
    }

    @Override
    public void init() throws ServletException {
        servlet.init(getServletConfig());
        defaultEncoding = getServletContext().getResponseCharacterEncoding() == null ? "UTF-8" : null;
        state.eventManager.fireEvent(JavalinLifecycleEvent.SERVER_STARTING);
        state.eventManager.fireEvent(JavalinLifecycleEvent.SERVER_STARTED);
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        if (defaultEncoding != null) {
            res.setCharacterEncoding(defaultEncoding);
        }
        servlet.service(req, res);
    }

    @Override
    public void destroy() {
        state.eventManager.fireEvent(JavalinLifecycleEvent.SERVER_STOPPING);
        servlet.destroy();
        state.eventManager.fireEvent(JavalinLifecycleEvent.SERVER_STOPPED);
    }
}
