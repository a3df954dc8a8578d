// The folder is "private", a Java keyword: the package takes a trailing underscore (JLS 6.1), and the route
// keeps the folder's name, /api/private.
package functions.api.private_;

import dev.fetchlet.Context;
import dev.fetchlet.Middleware;
import dev.fetchlet.Next;
import dev.fetchlet.Response;
import java.util.Map;

/**
 * {@code functions/api/private/_middleware.java}: everything under {@code /api/private} needs
 * {@code Authorization: Bearer demo-token}; anything else is answered 401 with {@code WWW-Authenticate: Bearer}
 * (RFC 6750) and goes no further. A real app would check a signed token here.
 */
class RequireToken implements Middleware {
    private static final String EXPECTED = "Bearer demo-token";

    @Override
    public Response onRequest(Context ctx, Next next) throws Exception {
        String authorization = ctx.request().header("Authorization");
        if (!EXPECTED.equals(authorization)) {
            // RFC 6750 3.1: no error code when no credentials came at all.
            String challenge = authorization == null ? "Bearer" : "Bearer error=\"invalid_token\"";
            return Response.json(Map.of("error", "Unauthorized",
                            "message", "Send Authorization: Bearer demo-token"))
                    .status(401)
                    .header("WWW-Authenticate", challenge);
        }
        Response response = next.proceed();
        return response.header("Cache-Control", "private, no-store"); // personal data: never in a shared cache
    }
}
