package dev.fetchlet.launcher.testapp;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Tells whether the container offers the standard Jakarta WebSocket {@code ServerContainer}. */
@Mount("/websocket-container")
public class WebSocketServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object container = getServletContext().getAttribute("jakarta.websocket.server.ServerContainer");
        response.setContentType("text/plain");
        response.getWriter().print(container instanceof jakarta.websocket.server.ServerContainer);
    }
}
