package functions.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import java.util.Locale;

/**
 * {@code POST /api/echo}: answers with the JSON it was sent. Malformed JSON answers 400; a body that is not
 * declared as JSON answers 415 before it is read.
 */
class Echo implements Handler {
    @Override
    public Response onRequestPost(Context ctx) {
        // A browser sends text/plain, form and multipart bodies cross-site without asking first (no CORS
        // preflight); asking for a JSON type keeps such a "simple" request from reaching the handler.
        if (!declaresJson(ctx.request().contentType())) {
            throw HttpException.unsupportedMediaType("Send the body as application/json");
        }
        return Response.json(ctx.request().json());
    }

    private static boolean declaresJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }
}
