package dev.fetchlet.bench.raw;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Baseline for the waiting benchmark: blocks its thread for 100 ms. */
@WebServlet("/wait")
public class WaitServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            res.sendError(503);
            return;
        }
        byte[] body = "waited".getBytes(StandardCharsets.UTF_8);
        res.setContentType("text/plain; charset=UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
