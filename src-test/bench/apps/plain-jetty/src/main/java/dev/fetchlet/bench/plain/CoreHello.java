package dev.fetchlet.bench.plain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /api/hello} answered on Jetty's core API, in front of the servlets, which get every other request:
 * the same answer as {@link HelloServlet} without the servlet layer (its request and response wrappers, the
 * filter chain, {@code HttpOutput}), to measure what that layer costs ({@code servlet-layer.sh}).
 */
final class CoreHello extends Handler.Wrapper {
    private static final byte[] BODY = "Hello from Fetchlet Functions!".getBytes(StandardCharsets.UTF_8);

    CoreHello(Handler servlets) {
        super(servlets);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!"/api/hello".equals(Request.getPathInContext(request)) || !"GET".equals(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        Fields query = Request.extractQueryParameters(request);
        String name = query.getValue("name");
        byte[] body = name == null || name.isBlank() ? BODY : ("Hello, " + name + "!").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
