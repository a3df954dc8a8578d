package dev.fetchlet.mount;

import dev.fetchlet.servlet.RequestScope;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** The response a mounted app writes to: keeps the request id header even when the app resets the response. */
final class MountResponse extends HttpServletResponseWrapper {
    private final String requestId;

    MountResponse(HttpServletResponse response, String requestId) {
        super(response);
        this.requestId = requestId;
    }

    @Override
    public void reset() {
        super.reset();
        setHeader(RequestScope.REQUEST_ID_HEADER, requestId);
    }
}
