package dev.fetchlet.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

    @Test
    void textPartsJoinIntoOneMessage() {
        MessageAssembler a = new MessageAssembler(100);
        assertTrue(a.addText("hel"));
        assertTrue(a.addText("lo"));
        assertEquals("hello", a.takeText());
        assertTrue(a.addText("next"));
        assertEquals("next", a.takeText(), "each message starts empty");
    }

    @Test
    void theTextLimitCountsUtf8Bytes() {
        assertFalse(new MessageAssembler(6).addText("éé€"), "2 + 2 + 3 = 7 bytes, though only 3 chars");
        assertTrue(new MessageAssembler(7).addText("éé€"));
        assertEquals(7, MessageAssembler.utf8Length("éé€"));
        assertEquals(4, MessageAssembler.utf8Length("😀"));
        assertEquals("😀".getBytes(StandardCharsets.UTF_8).length, MessageAssembler.utf8Length("😀"));
    }

    @Test
    void aTextMessageOneByteOverTheLimitIsRefused() {
        MessageAssembler a = new MessageAssembler(10);
        assertTrue(a.addText("12345"));
        assertTrue(a.addText("67890"));
        assertEquals("1234567890", a.takeText());
        assertTrue(a.addText("12345"));
        assertFalse(a.addText("678901"));
    }

    @Test
    void binaryPartsJoinAndTheBufferBelongsToTheCaller() {
        MessageAssembler a = new MessageAssembler(1_000);
        assertTrue(a.addBinary(ByteBuffer.wrap(new byte[] {1, 2})));
        assertTrue(a.addBinary(ByteBuffer.wrap(new byte[] {3})));
        ByteBuffer first = a.takeBinary();
        assertTrue(a.addBinary(ByteBuffer.wrap(new byte[] {9})));
        a.takeBinary();

        byte[] bytes = new byte[first.remaining()];
        first.get(bytes);
        assertArrayEquals(new byte[] {1, 2, 3}, bytes, "a later message does not overwrite an earlier one");
    }

    @Test
    void aBinaryMessageOverTheLimitIsRefused() {
        MessageAssembler a = new MessageAssembler(4);
        assertTrue(a.addBinary(ByteBuffer.wrap(new byte[4])));
        assertFalse(a.addBinary(ByteBuffer.wrap(new byte[1])));
    }
}
