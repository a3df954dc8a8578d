package dev.fetchlet.bench.plain;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /api/hello}: the example's greeting, {@code ?name=} included, written by hand. */
final class HelloServlet extends HttpServlet {
    private static final byte[] BODY = "Hello from Fetchlet Functions!".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String name = req.getParameter("name");
        byte[] body = name == null || name.isBlank() ? BODY : ("Hello, " + name + "!").getBytes(StandardCharsets.UTF_8);
        res.setContentType("text/plain; charset=UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
