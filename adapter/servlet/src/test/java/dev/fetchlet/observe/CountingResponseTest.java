package dev.fetchlet.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte count equals the bytes that reach the container, through the stream or the writer in any charset. */
class CountingResponseTest {
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

    private HttpServletResponse container(Charset charset) {
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(wire, charset), true);
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                wire.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getOutputStream" -> out;
                    case "getWriter" -> writer;
                    case "getCharacterEncoding" -> charset.name();
                    default -> null;
                });
    }

    @Test
    void streamBytesAreCounted() throws Exception {
        CountingResponse res = new CountingResponse(container(StandardCharsets.UTF_8));
        res.getOutputStream().write(new byte[1000], 10, 500);
        res.getOutputStream().write('x');
        assertEquals(501, res.bytes());
        assertEquals(wire.size(), res.bytes());
    }

    @Test
    void writerCharactersAreCountedInTheEncodedBytes() throws Exception {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
                StandardCharsets.UTF_16BE}) {
            wire.reset();
            CountingResponse res = new CountingResponse(container(charset));
            String text = charset.equals(StandardCharsets.ISO_8859_1) ? "héllo wörld" : "héllo € 😀 wörld";
            res.getWriter().print(text);
            res.getWriter().flush();
            assertEquals(text.getBytes(charset).length, res.bytes(), charset.name());
            assertEquals(wire.size(), res.bytes(), charset.name());
        }
    }
}
