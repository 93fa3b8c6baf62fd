package io.jsonrpcws.examples;

import io.jsonrpcws.api.ConnectionScoped;
import io.jsonrpcws.api.JsonRpcErrorCodes;
import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;
import io.jsonrpcws.api.JsonRpcSessions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One member of the chat room per connection. The connection scope keeps the member's name between
 * calls, as the first seed's per-connection service instance did; the member leaves the room when the
 * connection closes. Messages reach every member as {@code chat.message} notifications from the server.
 */
@JsonRpcService("chat")
@ConnectionScoped
public class ChatMember {

    /** The property of a session that holds its member's name once joined. */
    static final String NAME = "chat.name";

    @Inject
    ChatRoom room;

    @Inject
    JsonRpcSession session;

    @Inject
    JsonRpcSessions sessions;

    private String name;

    /** Joins the room; returns the messages so far. */
    @JsonRpcMethod
    public synchronized List<ChatRoom.Message> join(String name) {
        if (name == null || name.isBlank() || name.length() > 40) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "a name has 1 to 40 characters");
        }
        this.name = name.strip();
        session.properties().put(NAME, this.name);
        List<ChatRoom.Message> history = room.since(0);
        publish(room.post("*", this.name + " joined"));
        return history;
    }

    /** Says something to the room; every member is notified with {@code chat.message}. */
    @JsonRpcMethod
    public ChatRoom.Message say(String text) {
        ChatRoom.Message m = room.post(name(), text);
        publish(m);
        return m;
    }

    /** The messages after {@code seq}, for clients that missed some. */
    @JsonRpcMethod
    public List<ChatRoom.Message> messages(long after) {
        return room.since(after);
    }

    @JsonRpcMethod
    public synchronized String whoami() {
        return name;
    }

    /**
     * Asks every member, by a {@code chat.question} request to each client, and returns their answers:
     * the server calling its clients and waiting for them.
     */
    @JsonRpcMethod
    public CompletionStage<List<String>> ask(String question) {
        List<CompletableFuture<String>> answers = sessions.matching(s -> s.properties().containsKey(NAME)).stream()
                .map(s -> s.<String>request(Duration.ofSeconds(5), "chat.question", String.class, name(), question)
                        .toCompletableFuture()
                        .thenApply(answer -> s.properties().get(NAME) + ": " + answer)
                        .exceptionally(failure -> s.properties().get(NAME) + " did not answer"))
                .toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> answers.stream().map(CompletableFuture::join).toList());
    }

    private synchronized String name() {
        if (name == null) {
            throw new JsonRpcException(-32001, "join the room first: chat.join(name)");
        }
        return name;
    }

    private void publish(ChatRoom.Message m) {
        sessions.matching(s -> s.properties().containsKey(NAME)).forEach(s -> s.notify("chat.message", m));
    }

    @PreDestroy
    synchronized void leave() {
        if (name != null) {
            session.properties().remove(NAME);
            publish(room.post("*", name + " left"));
        }
    }
}
