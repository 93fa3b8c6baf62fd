package io.jsonrpcws.examples;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The room all connections share: its messages, the newest last. */
@ApplicationScoped
public class ChatRoom {

    /** One message of the room. */
    public record Message(long seq, String from, String text, Instant at) {
    }

    private static final int KEPT = 200;

    private final List<Message> messages = new ArrayList<>();
    private long seq;

    synchronized Message post(String from, String text) {
        Message m = new Message(++seq, from, text, Instant.now());
        messages.add(m);
        if (messages.size() > KEPT) {
            messages.remove(0);
        }
        return m;
    }

    /** The messages after {@code seq}, oldest first. */
    synchronized List<Message> since(long after) {
        return messages.stream().filter(m -> m.seq() > after).toList();
    }
}
