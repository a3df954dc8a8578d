package dev.fetchlet.bench.raw;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Baseline for the hello-world benchmark: the same answer as the Fetch handler, written by hand. */
@WebServlet("/hello")
public class HelloServlet extends HttpServlet {
    private static final byte[] BODY = "Hello, world!".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/plain; charset=UTF-8");
        res.setContentLength(BODY.length);
        res.getOutputStream().write(BODY);
    }
}
