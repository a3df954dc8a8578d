package functions;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;

/** {@code /helloworld}: routes are case-sensitive, so {@code /HelloWorld} does not reach it. */
class HelloWorld implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        return Response.text("Hello, world!");
    }
}
