package dev.fetchlet.servlet;

import dev.fetchlet.Response;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

/** Copies a Fetch {@link Response} onto a servlet response: status, every header field, then the body. */
final class ResponseWriter {
    private ResponseWriter() {
    }

    static void write(Response r, HttpServletResponse res, boolean omitBody) throws Exception {
        res.setStatus(r.status());
        long length = r.contentLength();
        boolean bodiless = omitBody || r.status() == 204 || r.status() == 304 || r.status() < 200;
        // A HEAD answer held back for middleware has no body but keeps the length its GET would have.
        boolean declared = omitBody && length == 0 && r.headers().has("Content-Length");
        boolean lengthKnown = length >= 0 && r.status() != 204 && r.status() >= 200 && !declared;
        // The length goes first: setting it replaces any earlier one, and a container looks for that earlier one
        // among the fields already set (Jetty walks them all), so it is cheapest on an empty response.
        if (lengthKnown) {
            res.setContentLengthLong(length);
        }
        r.headers().forEach((name, value) -> {
            if (!lengthKnown || !name.equalsIgnoreCase("Content-Length")) {
                res.addHeader(name, value);
            }
        });
        if (bodiless) {
            return;
        }
        ServletOutputStream out = res.getOutputStream();
        r.writeBody(out);
        if (r.isStreaming()) {
            out.flush();
        }
    }
}
