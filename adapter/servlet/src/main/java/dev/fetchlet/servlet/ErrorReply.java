package dev.fetchlet.servlet;

import dev.fetchlet.internal.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON error bodies Fetchlet answers with: {@code {"error": reason, "message": ..., "requestId": ...}}. */
final class ErrorReply {
    private ErrorReply() {
    }

    static void send(HttpServletResponse res, int status, String message, String requestId) throws IOException {
        send(res, status, message, requestId, null);
    }

    /** Sends the reply unless the response is already committed; {@code extra} fields are appended. */
    static void send(HttpServletResponse res, int status, String message, String requestId, Map<String, Object> extra)
            throws IOException {
        if (res.isCommitted()) {
            return;
        }
        res.resetBuffer();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason(status));
        if (message != null) {
            body.put("message", message);
        }
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        if (extra != null) {
            body.putAll(extra);
        }
        byte[] bytes = Json.write(body);
        res.setStatus(status);
        res.setContentType("application/json");
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }

    static String reason(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 406: return "Not Acceptable";
            case 408: return "Request Timeout";
            case 409: return "Conflict";
            case 410: return "Gone";
            case 413: return "Payload Too Large";
            case 415: return "Unsupported Media Type";
            case 422: return "Unprocessable Content";
            case 426: return "Upgrade Required";
            case 429: return "Too Many Requests";
            case 431: return "Request Header Fields Too Large";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return status < 500 ? "Client Error" : "Server Error";
        }
    }
}
