package dev.fetchlet.launcher.dev;

import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Passes each request to the app of the moment. A reload starts the new app beside the old one and swaps it
 * in with one write, so no request finds the server without an app; the caller then stops the old one.
 */
final class SwappableHandler extends Handler.Abstract {
    private final AtomicReference<Handler> current = new AtomicReference<>();

    /** Makes {@code next} (already started) the app; returns the one it replaces, for the caller to stop. */
    Handler swap(Handler next) {
        return current.getAndSet(next);
    }

    Handler current() {
        return current.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler app = current.get();
        return app != null && app.handle(request, response, callback);
    }
}
