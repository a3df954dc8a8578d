package dev.fetchlet.example.chat;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketOptions;

/**
 * {@code /chat/[room]}: a WebSocket chat, one room per path ({@code /chat/lobby}, {@code /chat/team-7}). Every
 * text a member sends goes to everyone in the same room, and only there. Connect with
 * {@code new WebSocket("ws://host/chat/lobby?name=alice")}, or open {@code /chat.html}.
 *
 * <p>A plain GET to this route (no {@code Upgrade: websocket}) answers 426 Upgrade Required.
 */
@Route("/chat/[room]")
public class Chat implements Handler {
    /** Chat lines are short: a bigger message closes the sender's connection with 1009. */
    static final int MAX_MESSAGE_BYTES = 4 * 1024;

    private final ChatRooms rooms = new ChatRooms();

    @Override
    public Response onRequestGet(Context ctx) {
        String room = ctx.params().get("room");
        String name = ChatMember.displayName(ctx.request().query("name"));
        return Response.webSocket(new ChatMember(rooms, room, name),
                WebSocketOptions.defaults().maxMessageSize(MAX_MESSAGE_BYTES));
    }
}
