package dev.fetchlet.bench.raw;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Baseline for the CloudEvent benchmark: a binary-mode event read by hand (the four required {@code ce-*}
 * headers and the body), answered with the same JSON receipt as the Fetchlet function.
 */
@WebServlet("/event")
public class EventServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String id = req.getHeader("ce-id");
        String type = req.getHeader("ce-type");
        if (id == null || type == null || req.getHeader("ce-source") == null
                || !"1.0".equals(req.getHeader("ce-specversion"))) {
            res.sendError(400, "not a binary-mode CloudEvent");
            return;
        }
        byte[] data = req.getInputStream().readAllBytes();
        byte[] reply = JSON.writeValueAsBytes(Map.of("id", id, "type", type, "size", data.length));
        res.setContentType("application/json");
        res.setContentLength(reply.length);
        res.getOutputStream().write(reply);
    }
}
