package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event framing of {@link ServerSentEvents}, and one flush per event so clients see each at once. */
class ServerSentEventsTest {

    /** Records what was written between flushes: each element is what one flush pushed out. */
    private static final class FlushRecorder extends OutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        final List<String> flushed = new ArrayList<>();

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() {
            flushed.add(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }

        String unflushed() {
            return pending.toString(StandardCharsets.UTF_8);
        }
    }

    private static FlushRecorder run(ServerSentEvents.Source source) throws Exception {
        FlushRecorder out = new FlushRecorder();
        Response.sse(source).writeBody(out);
        return out;
    }

    @Test
    void unnamedEventIsOneDataLine() throws Exception {
        assertEquals(List.of("data: hello\n\n"), run(e -> e.send("hello")).flushed);
    }

    @Test
    void namedEventWithIdWritesIdThenEventThenData() throws Exception {
        assertEquals(List.of("id: 42\nevent: update\ndata: {\"n\":1}\n\n"),
                run(e -> e.send("update", "{\"n\":1}", "42")).flushed);
    }

    @Test
    void multiLineDataBecomesSeveralDataLines() throws Exception {
        assertEquals(List.of("event: log\ndata: one\ndata: two\ndata: three\ndata: four\n\n"),
                run(e -> e.send("log", "one\ntwo\r\nthree\rfour")).flushed);
    }

    @Test
    void trailingNewlineAndEmptyDataSurviveAsEmptyDataLines() throws Exception {
        assertEquals(List.of("data: a\ndata: \n\n", "data: \n\n", "data: \n\n"),
                run(e -> e.send("a\n").send("").send(null)).flushed);
    }

    @Test
    void commentAndRetryAreTheirOwnFlushedBlocks() throws Exception {
        assertEquals(List.of(": keep-alive\n\n", "retry: 1500\n\n"),
                run(e -> e.comment("keep-alive").retry(Duration.ofMillis(1500))).flushed);
    }

    @Test
    void everyEventIsFlushedAsItIsSentAndNothingIsLeftBuffered() throws Exception {
        FlushRecorder out = run(e -> {
            e.send("tick", "1");
            e.send("tick", "2");
            e.comment("ping");
            e.send("tick", "3", "3");
        });
        assertEquals(List.of("event: tick\ndata: 1\n\n", "event: tick\ndata: 2\n\n", ": ping\n\n",
                "id: 3\nevent: tick\ndata: 3\n\n"), out.flushed);
        assertEquals("", out.unflushed());
    }

    @Test
    void dataIsUtf8() throws Exception {
        assertEquals(List.of("data: ünïcödé ✓\n\n"), run(e -> e.send("ünïcödé ✓")).flushed);
    }

    @Test
    void negativeRetryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> run(e -> e.retry(Duration.ofMillis(-1))));
        assertEquals(List.of("retry: 0\n\n"), assertDoesNotThrow(() -> run(e -> e.retry(Duration.ZERO))).flushed);
    }

    @Test
    void lineBreaksInEventNameIdOrCommentAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> run(e -> e.send("a\nb", "x")));
        assertThrows(IllegalArgumentException.class, () -> run(e -> e.send("a", "x", "1\r2")));
        assertThrows(IllegalArgumentException.class, () -> run(e -> e.comment("x\ndata: injected")));
    }

    @Test
    void aClientThatWentAwayEndsTheStreamWithIOException() {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        int[] sent = {0};
        Response r = Response.sse(e -> {
            while (true) {
                e.send("tick", "x");
                sent[0]++;
            }
        });
        assertThrows(IOException.class, () -> r.writeBody(gone));
        assertEquals(0, sent[0]);
    }
}
