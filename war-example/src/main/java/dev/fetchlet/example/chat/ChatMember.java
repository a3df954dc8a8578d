package dev.fetchlet.example.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.WebSocketSession;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One member's connection to a room. What it sends to the browser is JSON, one event per message:
 * <pre>
 * {"type":"join","from":"alice","text":"","online":3}
 * {"type":"message","from":"alice","text":"hello","online":3}
 * {"type":"leave","from":"alice","text":"","online":2}
 * </pre>
 */
final class ChatMember implements WebSocketListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatRooms rooms;
    private final String room;
    private final String name;

    ChatMember(ChatRooms rooms, String room, String name) {
        this.rooms = rooms;
        this.room = room;
        this.name = name;
    }

    /** One event sent to the room's members. */
    record ChatEvent(String type, String from, String text, int online) {
    }

    @Override
    public void onOpen(WebSocketSession session) {
        rooms.join(room, session);
        String join = event("join", "");
        // The newcomer hears its own join straight away: some containers (Tyrus) may still report the session
        // as not open while onOpen runs, and a broadcast skips sessions that are not open.
        session.sendText(join);
        rooms.broadcast(room, join, session);
    }

    @Override
    public void onMessage(WebSocketSession session, String text) {
        rooms.broadcast(room, event("message", text));
    }

    @Override
    public void onClose(WebSocketSession session, int code, String reason) {
        rooms.leave(room, session);
        rooms.broadcast(room, event("leave", ""));
    }

    private String event(String type, String text) {
        try {
            return JSON.writeValueAsString(new ChatEvent(type, name, text, rooms.size(room)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a record of strings and an int always serializes
        }
    }

    /** The name a member chose ({@code ?name=}), trimmed to 32 characters, or a random guest name. */
    static String displayName(String requested) {
        if (requested == null || requested.isBlank()) {
            return "guest-" + (1000 + ThreadLocalRandom.current().nextInt(9000));
        }
        String name = requested.strip();
        return name.length() > 32 ? name.substring(0, 32) : name;
    }
}
