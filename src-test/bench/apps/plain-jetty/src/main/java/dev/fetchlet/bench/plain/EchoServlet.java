package dev.fetchlet.bench.plain;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /api/echo}: parses the JSON it was sent and writes it back, as the example's handler does. */
final class EchoServlet extends HttpServlet {
    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(req.getInputStream());
        } catch (JacksonException e) {
            res.sendError(400, "Malformed JSON");
            return;
        }
        byte[] out = JSON.writeValueAsBytes(body);
        res.setContentType("application/json");
        res.setContentLength(out.length);
        res.getOutputStream().write(out);
    }
}
