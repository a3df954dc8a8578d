package dev.fetchlet.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Decoding the raw path below a mount into path info. */
class MountPathsTest {

    @Test
    void plainPathIsReturnedAsIs() {
        String raw = "/users/7/";
        assertSame(raw, MountPaths.decode(raw));
    }

    @Test
    void escapesDecodeAsUtf8() {
        assertEquals("/café/€/\uD83D\uDE00", MountPaths.decode("/caf%C3%A9/%E2%82%AC/%F0%9F%98%80"));
        assertEquals("/a b", MountPaths.decode("/a%20b"));
        assertEquals("/%", MountPaths.decode("/%25"));
    }

    @Test
    void lowerCaseHexDecodes() {
        assertEquals("/é", MountPaths.decode("/%c3%a9"));
    }

    @Test
    void literalNonAsciiIsKept() {
        assertEquals("/café/\uD83D\uDE00", MountPaths.decode("/café/\uD83D\uDE00;x"));
    }

    @Test
    void pathParametersOfEachSegmentAreDropped() {
        assertEquals("/a/b/c", MountPaths.decode("/a;x=1/b;y=%2F/c;jsessionid=z"));
        assertEquals("/a/", MountPaths.decode("/a;x/"));
    }

    @Test
    void incompleteEscapeIsKeptLiterally() {
        // The router refuses such paths before a mount sees them; decoding must still not fail.
        assertEquals("/a%2", MountPaths.decode("/a%2"));
        assertEquals("/a%zz", MountPaths.decode("/a%zz"));
    }
}
