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
        r.headers().forEach(res::addHeader);
        long length = r.contentLength();
        boolean bodiless = omitBody || r.status() == 204 || r.status() == 304 || r.status() < 200;
        // A HEAD answer held back for middleware has no body but keeps the length its GET would have.
        boolean declared = omitBody && length == 0 && r.headers().has("Content-Length");
        if (length >= 0 && r.status() != 204 && r.status() >= 200 && !declared) {
            res.setContentLengthLong(length);
        }
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
