package functions;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;

/** {@code /hello-pages}, also reachable as {@code /hello-pages/}: a file name may hold a dash, a class name may not. */
class HelloPages implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        return Response.text("Hello from Fetchlet Pages!");
    }
}
