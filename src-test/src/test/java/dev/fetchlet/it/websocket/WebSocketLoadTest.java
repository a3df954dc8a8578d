package dev.fetchlet.it.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Deployments;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A thousand chat members in one room on loopback, all connected at once: every broadcast reaches every
 * member. Bounded in size and time; asserts delivery, never speed.
 */
// Embedded Jetty and Tomcat only: a thousand sockets is a load test, not a compatibility check to repeat on every server.
@ParameterizedClass(name = "{0}")
@EnumSource(value = ContainerKind.class, names = {"JETTY", "TOMCAT"})
class WebSocketLoadTest {
    private static final int MEMBERS = 1_000;
    private static final int BROADCASTS = 5;

    private final Deployment deployment;

    WebSocketLoadTest(ContainerKind kind) {
        this.deployment = Deployments.of(kind);
    }

    @Test
    void aThousandMembersEachReceiveEveryBroadcast() throws Exception {
        String room = "load-" + UUID.randomUUID();
        // Join and leave notices are many (each member's join goes to all before it): keep chat lines only.
        List<WsClient> members = WsClient.connectMany(deployment, MEMBERS, j -> "/chat/" + room + "?name=m" + j,
                text -> text.contains("\"type\":\"message\""));
        try {
            assertEquals(MEMBERS, members.size());

            Set<String> sent = new HashSet<>();
            for (int b = 0; b < BROADCASTS; b++) {
                String text = "broadcast-" + b;
                members.get(b * (MEMBERS / BROADCASTS)).send(text);
                sent.add(text);
            }

            for (int m = 0; m < members.size(); m++) {
                Set<String> received = new HashSet<>();
                while (received.size() < BROADCASTS) {
                    String line = members.get(m).nextText();
                    received.add(line.replaceAll(".*\"text\":\"([^\"]*)\".*", "$1"));
                }
                assertEquals(sent, received, "member " + m);
                assertTrue(!members.get(m).closed().isDone(), "member " + m + " was disconnected: "
                        + members.get(m).closed().getNow(null));
            }
            for (WsClient member : members) {
                assertEquals(null, member.poll(Duration.ZERO), "a chat line was delivered twice");
            }
        } finally {
            members.forEach(WsClient::abort);
        }
    }
}
