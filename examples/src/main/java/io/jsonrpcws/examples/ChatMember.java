package io.jsonrpcws.examples;

import io.jsonrpcws.api.ConnectionScoped;
import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.util.List;

/**
 * One member of the chat room per connection: the connection scope keeps the member's name between
 * calls, as the first seed's per-connection service instance did, and the member leaves the room when the
 * connection closes.
 */
@JsonRpcService("chat")
@ConnectionScoped
public class ChatMember {

    @Inject
    ChatRoom room;

    private String name;

    @JsonRpcMethod
    public synchronized ChatRoom.Message join(String name) {
        if (name == null || name.isBlank() || name.length() > 40) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "a name has 1 to 40 characters");
        }
        this.name = name.strip();
        return room.post("*", this.name + " joined");
    }

    @JsonRpcMethod
    public ChatRoom.Message say(String text) {
        return room.post(name(), text);
    }

    /** The messages after {@code seq}: clients poll with the last sequence number they have. */
    @JsonRpcMethod
    public List<ChatRoom.Message> messages(long after) {
        return room.since(after);
    }

    @JsonRpcMethod
    public synchronized String whoami() {
        return name;
    }

    private synchronized String name() {
        if (name == null) {
            throw new JsonRpcException(-32001, "join the room first: chat.join(name)");
        }
        return name;
    }

    @PreDestroy
    synchronized void leave() {
        if (name != null) {
            room.post("*", name + " left");
        }
    }
}
