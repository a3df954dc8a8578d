package dev.fetchlet.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import dev.fetchlet.it.websocket.HandshakeWire;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * {@code https://app.fetchlet.test, http://localhost:5173} listed. The suite's JVM trusts {@code 127.0.0.2} as a
 * proxy ({@code FUNC_TRUSTED_PROXIES}, a system property); cases marked {@code from-proxy} are sent from there, so
 * that their forwarded scheme and host decide what the site's own origin is.
 */
@OnEachEmbeddedContainer
class DeploymentAllowListTest {
    private static final InetAddress TRUSTED_PROXY = trustedProxy();

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

    private static InetAddress trustedProxy() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<SecurityCase> cases() {
        return SecurityCase.load("ws-origin-deployment");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDeploymentsListIsHonoured(SecurityCase c) throws Exception {
        HandshakeWire.Reply reply = HandshakeWire.send(c.has("from-proxy") ? TRUSTED_PROXY : null, app.port(),
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
