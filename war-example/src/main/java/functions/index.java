package functions;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;

/** {@code index.java} in the functions root serves {@code /}: the root path enters it, not the static home page. */
class Index implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.html("<!doctype html><title>Fetchlet</title><h1>Fetchlet example</h1>"
                + "<p>Try <a href=\"/api/hello\">/api/hello</a>, <a href=\"/api/users/1024\">/api/users/1024</a>, "
                + "<a href=\"/api/nodeinfo\">/api/nodeinfo</a> or the static <a href=\"/index.html\">index.html</a>.</p>");
    }
}
