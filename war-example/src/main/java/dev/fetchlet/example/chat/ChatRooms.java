package dev.fetchlet.example.chat;

import dev.fetchlet.WebSocketSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open rooms and who is in each. A room exists while it has members: the last one to leave removes it, so
 * rooms that were used once do not pile up. Joining and leaving go through the map's atomic {@code compute},
 * so a member never joins a room that is being removed at the same moment.
 */
final class ChatRooms {
    private final Map<String, Set<WebSocketSession>> rooms = new ConcurrentHashMap<>();

    void join(String room, WebSocketSession member) {
        rooms.compute(room, (name, members) -> {
            Set<WebSocketSession> set = members != null ? members : ConcurrentHashMap.newKeySet();
            set.add(member);
            return set;
        });
    }

    void leave(String room, WebSocketSession member) {
        rooms.computeIfPresent(room, (name, members) -> {
            members.remove(member);
            return members.isEmpty() ? null : members;
        });
    }

    /** How many members {@code room} has. */
    int size(String room) {
        Set<WebSocketSession> members = rooms.get(room);
        return members == null ? 0 : members.size();
    }

    /** Sends {@code text} to every member of {@code room}. Sends are queued per member, so this never blocks. */
    void broadcast(String room, String text) {
        broadcast(room, text, null);
    }

    /** Sends {@code text} to every member of {@code room} but {@code except}. */
    void broadcast(String room, String text, WebSocketSession except) {
        Set<WebSocketSession> members = rooms.get(room);
        if (members == null) {
            return;
        }
        for (WebSocketSession member : members) {
            if (member != except && member.isOpen()) {
                member.sendText(text);
            }
        }
    }
}
