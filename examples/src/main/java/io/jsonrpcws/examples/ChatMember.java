package io.jsonrpcws.examples;

import io.jsonrpcws.api.ConnectionClosedException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One member of the chat room per connection. The connection scope keeps the member's name between
 * calls, as the first seed's per-connection service instance did; the member leaves the room when the
 * connection closes. Messages reach every member as {@code chat.message} notifications from the server.
 *
 * <p>Limits: a name has 1 to 40 characters, a message or a question at most {@link ChatRoom#MAX_TEXT}
 * (longer ones are refused with {@link #TEXT_TOO_LONG}); {@code join} and {@code messages} answer at most
 * {@link ChatRoom#PAGE} messages.
 */
@JsonRpcService("chat")
@ConnectionScoped
public class ChatMember {

    /** Error code: the caller has not joined the room yet ({@code chat.join}). */
    public static final int NOT_JOINED = -32001;

    /**
     * Error code: a message or question longer than {@link ChatRoom#MAX_TEXT} characters. The error's
     * {@code data} is {@code {"max": 2000, "length": <the text's length>}}.
     */
    public static final int TEXT_TOO_LONG = 2;

    /** The property of a session that holds its member's name once joined. */
    static final String NAME = "chat.name";

    @Inject
    ChatRoom room;

    @Inject
    JsonRpcSession session;

    @Inject
    JsonRpcSessions sessions;

    private String name;

    /** Joins the room; returns its latest messages, at most {@link ChatRoom#PAGE}, oldest first. */
    @JsonRpcMethod
    public synchronized List<ChatRoom.Message> join(String name) {
        if (name == null || name.isBlank() || name.length() > 40) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "a name has 1 to 40 characters");
        }
        this.name = name.strip();
        session.properties().put(NAME, this.name);
        List<ChatRoom.Message> history = room.latest();
        publish(room.post("*", this.name + " joined"));
        return history;
    }

    /** Says something to the room; every member is notified with {@code chat.message}. */
    @JsonRpcMethod
    public ChatRoom.Message say(String text) {
        ChatRoom.Message m = room.post(name(), checked(text));
        publish(m);
        return m;
    }

    /**
     * The messages after {@code seq}, oldest first, at most {@link ChatRoom#PAGE}: a client that missed
     * some asks again with the last {@code seq} it got until an answer is shorter than a page.
     */
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
     * the server calling its clients and waiting for them. Each line is {@code "name: answer"} (an answer cut
     * at {@link ChatRoom#MAX_TEXT} characters), {@code "name left"} when the member's connection closed
     * before it answered, or {@code "name did not answer"} for an error answer or none within 5 s.
     */
    @JsonRpcMethod
    public CompletionStage<List<String>> ask(String question) {
        String asker = name();
        String checkedQuestion = checked(question);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (JsonRpcSession s : sessions.matching(s -> s.properties().containsKey(NAME))) {
            // the name is read now: a member who leaves before answering has no name in its session any more
            Object member = s.properties().get(NAME);
            if (member != null) {
                answers.add(s.<String>request(Duration.ofSeconds(5), "chat.question", String.class, asker, checkedQuestion)
                        .toCompletableFuture()
                        .thenApply(answer -> member + ": " + shortened(answer))
                        .exceptionally(failure -> member + (left(failure) ? " left" : " did not answer")));
            }
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> answers.stream().map(CompletableFuture::join).toList());
    }

    private synchronized String name() {
        if (name == null) {
            throw new JsonRpcException(NOT_JOINED, "join the room first: chat.join(name)");
        }
        return name;
    }

    /** The text of a message or question, refused when missing or longer than {@link ChatRoom#MAX_TEXT}. */
    private static String checked(String text) {
        if (text == null) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "the text is missing");
        }
        if (text.length() > ChatRoom.MAX_TEXT) {
            throw new JsonRpcException(TEXT_TOO_LONG, "a message has at most " + ChatRoom.MAX_TEXT
                    + " characters; this one has " + text.length(),
                    Map.of("max", ChatRoom.MAX_TEXT, "length", text.length()));
        }
        return text;
    }

    /** A member's answer as the asker gets it: cut at {@link ChatRoom#MAX_TEXT} characters. */
    private static String shortened(String answer) {
        if (answer == null || answer.length() <= ChatRoom.MAX_TEXT) {
            return answer;
        }
        int end = Character.isHighSurrogate(answer.charAt(ChatRoom.MAX_TEXT - 1)) ? ChatRoom.MAX_TEXT - 1 : ChatRoom.MAX_TEXT;
        return answer.substring(0, end) + "\u2026";
    }

    private static boolean left(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ConnectionClosedException;
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
