package dev.fetchlet.example;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** {@code /index}: the root path enters this function instead of the static home page. */
@Route("/index")
public class Index implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.html("<!doctype html><title>Fetchlet</title><h1>Fetchlet example</h1>"
                + "<p>Try <a href=\"/api/hello\">/api/hello</a>, <a href=\"/api/users/1024\">/api/users/1024</a>, "
                + "<a href=\"/api/nodeinfo\">/api/nodeinfo</a> or the static <a href=\"/index.html\">index.html</a>.</p>");
    }
}
