package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ServerInfo}: region and request id, serialisable as the seed's {@code server} object. */
class ServerInfoTest {

    @Test
    void carriesRegionAndRequestId() {
        ServerInfo s = new ServerInfo("ap-singapore", "abc");
        assertEquals("ap-singapore", s.region());
        assertEquals("abc", s.requestId());
        assertEquals(new ServerInfo("ap-singapore", "abc"), s);
    }

    @Test
    void regionMayBeAbsent() {
        assertNull(new ServerInfo(null, "abc").region());
    }

    @Test
    void serialisesAsJsonObject() throws Exception {
        assertEquals("{\"server\":{\"region\":\"r\",\"requestId\":\"id\"}}",
                Response.json(Map.of("server", new ServerInfo("r", "id"))).bodyText());
    }
}
