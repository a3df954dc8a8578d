package dev.fetchlet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.fetchlet.Headers;
import dev.fetchlet.HttpException;
import dev.fetchlet.Request;
import dev.fetchlet.dispatch.Origin;
import dev.fetchlet.internal.UnreadableBodyException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A container's body stream that fails (Jetty's "Early EOF" or bad chunking, Tomcat's invalid chunk header):
 * whichever way a handler reads, it is a 400 {@link UnreadableBodyException}, never an {@link IOException} that
 * would escape as a 500. The conformance suite checks the same against the real containers.
 */
class ServletBodyReadTest {
    private static Request request(String contentType) throws IOException {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getMethod()).thenReturn("POST");
        when(req.getRequestURI()).thenReturn("/api/echo");
        when(req.getContextPath()).thenReturn("");
        when(req.getInputStream()).thenReturn(new FailingInput());
        Headers headers = new Headers();
        headers.append("Content-Type", contentType);
        return ServletRequests.request(req, headers, origin(), 1024);
    }

    private static Origin origin() {
        return new Origin("http", "localhost", "127.0.0.1", "id", java.util.Map.of());
    }

    private static void assertUnreadable(Consumer<Request> read, String contentType) throws IOException {
        Request request = request(contentType);
        HttpException e = assertThrows(UnreadableBodyException.class, () -> read.accept(request));
        assertEquals(400, e.status());
    }

    @Test
    void everyReaderAnswers400() throws IOException {
        assertUnreadable(Request::bytes, "application/octet-stream");
        assertUnreadable(Request::text, "text/plain");
        assertUnreadable(Request::json, "application/json");
        assertUnreadable(r -> r.json(java.util.Map.class), "application/json");
        assertUnreadable(Request::formData, "application/x-www-form-urlencoded");
        assertUnreadable(Request::formData, "multipart/form-data; boundary=b");
    }

    @Test
    void theStreamItselfThrowsTheSame() throws IOException {
        InputStream in = request("application/octet-stream").body();
        assertEquals('x', in.read());
        assertThrows(UnreadableBodyException.class, () -> in.read(new byte[8], 0, 8));
    }

    /** One byte, then the end of the connection before the declared length. */
    private static final class FailingInput extends ServletInputStream {
        private boolean sent;

        @Override
        public int read() throws IOException {
            if (!sent) {
                sent = true;
                return 'x';
            }
            throw new EOFException("Early EOF");
        }

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
