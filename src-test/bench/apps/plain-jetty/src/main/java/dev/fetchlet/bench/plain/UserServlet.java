package dev.fetchlet.bench.plain;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /api/users/{id}}: the id taken from the path by hand, as a servlet mapped to a prefix must. */
final class UserServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String id = PathId.of(req);
        if (id == null) {
            res.sendError(404);
            return;
        }
        byte[] body = ("User id is " + id).getBytes(StandardCharsets.UTF_8);
        res.setContentType("text/plain; charset=UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
