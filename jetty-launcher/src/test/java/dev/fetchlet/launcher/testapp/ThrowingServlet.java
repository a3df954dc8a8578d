package dev.fetchlet.launcher.testapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Fails with an exception whose message must never reach the client: the container answers 500 itself. */
@Mount("/throws")
public class ThrowingServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        throw new IllegalStateException("secret detail from " + request.getQueryString());
    }
}
