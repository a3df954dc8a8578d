package dev.fetchlet.bench.plain;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET /api/hello}: the example's greeting, {@code ?name=} included, written by hand.
 *
 * <p>With {@code exampleHeaders}, it also sends the five header fields the example WAR's answer carries beyond
 * these ({@code X-Content-Type-Options}, a random request id, the CORS pair of its {@code /api} middleware and
 * the {@code Server-Timing} of its root middleware), computed per request as cheaply as by hand: the same
 * answer on the wire, so that what is left between the two is what Fetchlet itself costs.
 */
final class HelloServlet extends HttpServlet {
    private static final byte[] BODY = "Hello from Fetchlet Functions!".getBytes(StandardCharsets.UTF_8);

    private final boolean exampleHeaders;

    HelloServlet(boolean exampleHeaders) {
        this.exampleHeaders = exampleHeaders;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        long start = System.nanoTime();
        String name = req.getParameter("name");
        byte[] body = name == null || name.isBlank() ? BODY : ("Hello, " + name + "!").getBytes(StandardCharsets.UTF_8);
        res.setContentType("text/plain; charset=UTF-8");
        res.setContentLength(body.length);
        if (exampleHeaders) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            res.addHeader("X-Content-Type-Options", "nosniff");
            res.addHeader("Functions-Request-Id", new UUID(random.nextLong(), random.nextLong()).toString());
            res.addHeader("Access-Control-Allow-Origin", "*");
            res.addHeader("Access-Control-Expose-Headers", "Functions-Request-Id, Server-Timing");
            long tenths = (System.nanoTime() - start + 50_000) / 100_000;
            res.addHeader("Server-Timing", "app;dur=" + tenths / 10 + "." + tenths % 10);
        }
        res.getOutputStream().write(body);
    }
}
