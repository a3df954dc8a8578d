package dev.fetchlet.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import dev.fetchlet.it.websocket.HandshakeWire;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deployment's allow-list, {@code FUNC_WS_ALLOWED_ORIGINS}, set as a context parameter: the
 * {@code ws-origin-deployment} cases of {@code security/cases.txt}, against {@link AllowListApp} with
 * {@code https://app.fetchlet.test, http://localhost:5173} listed.
 */
@OnEachEmbeddedContainer
class DeploymentAllowListTest {
    private final ContainerKind kind;
    private AllowListApp app;

    DeploymentAllowListTest(ContainerKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void start() throws Exception {
        app = AllowListApp.start(kind, Map.of("FUNC_WS_ALLOWED_ORIGINS", "https://app.fetchlet.test, http://localhost:5173"));
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    static List<SecurityCase> cases() {
        return SecurityCase.load("ws-origin-deployment");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDeploymentsListIsHonoured(SecurityCase c) throws Exception {
        HandshakeWire.Reply reply = HandshakeWire.send(app.port(),
                new String(c.request(app.port()), StandardCharsets.ISO_8859_1));

        assertEquals(c.status(), reply.status(), reply.toString());
        if (c.status() == 101) {
            assertEquals("opened", HandshakeWire.firstTextFrame(reply.after()), "onOpen's frame follows the 101");
        } else {
            assertNull(reply.header("Sec-WebSocket-Accept"), reply.toString());
            assertEquals(0, reply.after().length, "bytes after a refused handshake: " + reply);
            Disclosure.assertNone(c.name(), reply.body());
        }
    }
}
