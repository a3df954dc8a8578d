package dev.fetchlet.example.koa;

import dev.fetchlet.mount.SubApp;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Koa app's routes, relative to where it is mounted:
 * <ul>
 *   <li>{@code GET /koa}: a greeting, read from the servlet's init parameter</li>
 *   <li>{@code GET /koa/users/7}: {@code {"userId": "7", "message": "Fetched user 7"}}</li>
 *   <li>{@code POST /koa/echo}: the JSON object it was sent, and the request id; any other body, 400</li>
 *   <li>{@code GET /koa/request}: how the request looks from inside the app</li>
 *   <li>{@code GET /koa/boom}: throws, and the exception escapes Jersey: Fetchlet answers 500</li>
 * </ul>
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class KoaResource {
    static final String GREETING_PARAM = "koa.greeting";

    @Context
    private ServletConfig servletConfig;

    @Context
    private HttpServletRequest request;

    @GET
    public Map<String, Object> hello() {
        return Map.of("message", servletConfig.getInitParameter(GREETING_PARAM));
    }

    @GET
    @Path("users/{id}")
    public Map<String, Object> user(@PathParam("id") String id) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("userId", id);
        user.put("message", "Fetched user " + id);
        return user;
    }

    @POST
    @Path("echo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response echo(Map<String, Object> body) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("received", body);
        echo.put("requestId", SubApp.requestId(request));
        return Response.status(Response.Status.CREATED).entity(echo).build();
    }

    @GET
    @Path("request")
    public Map<String, Object> seen() {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("contextPath", request.getContextPath());
        seen.put("servletPath", request.getServletPath());
        seen.put("pathInfo", request.getPathInfo());
        seen.put("requestUri", request.getRequestURI());
        seen.put("queryString", request.getQueryString());
        seen.put("servletName", servletConfig.getServletName());
        seen.put("requestId", SubApp.context(request).uuid());
        return seen;
    }

    @GET
    @Path("boom")
    public String boom() {
        throw new IllegalStateException("internal detail the client must not see");
    }
}
