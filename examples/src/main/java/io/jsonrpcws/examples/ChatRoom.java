package io.jsonrpcws.examples;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The room all connections share: its latest messages, the newest last. What it keeps is bounded twice,
 * by {@value #MAX_KEPT} messages and by {@value #MAX_KEPT_CHARS} characters, the oldest going first; what
 * it answers is bounded by {@value #PAGE} messages. A message's text is at most {@value #MAX_TEXT}
 * characters, which {@link ChatMember} checks before posting. Thread-safe.
 */
@ApplicationScoped
public class ChatRoom {

    /** One message of the room. */
    public record Message(long seq, String from, String text, Instant at) {
    }

    /** The longest text of a message, in characters (UTF-16 units, as JavaScript's {@code length} counts). */
    public static final int MAX_TEXT = 2_000;

    /** The most messages the room keeps. */
    public static final int MAX_KEPT = 200;

    /** The most characters the room keeps: the texts and senders' names of its messages together. */
    public static final int MAX_KEPT_CHARS = 100_000;

    /** The most messages in one answer of {@link #since} or {@link #latest}. */
    public static final int PAGE = 50;

    private final ArrayDeque<Message> messages = new ArrayDeque<>();
    private long seq;
    private long chars;

    /**
     * Adds a message, dropping the oldest ones beyond the bounds.
     *
     * @throws IllegalArgumentException when the text is longer than {@link #MAX_TEXT}
     */
    synchronized Message post(String from, String text) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a message has at most " + MAX_TEXT + " characters");
        }
        Message m = new Message(++seq, from, text, Instant.now());
        messages.addLast(m);
        chars += size(m);
        while (messages.size() > MAX_KEPT || chars > MAX_KEPT_CHARS) {
            chars -= size(messages.removeFirst());
        }
        return m;
    }

    /**
     * The kept messages after {@code seq}, oldest first, at most {@link #PAGE} of them: a full page may
     * have more behind it, asked for with the last one's {@code seq}.
     */
    synchronized List<Message> since(long after) {
        List<Message> page = new ArrayList<>(Math.min(PAGE, messages.size()));
        for (Message m : messages) {
            if (m.seq() > after) {
                page.add(m);
                if (page.size() == PAGE) {
                    break;
                }
            }
        }
        return List.copyOf(page);
    }

    /** The newest {@link #PAGE} messages kept, oldest first. */
    synchronized List<Message> latest() {
        List<Message> page = new ArrayList<>(Math.min(PAGE, messages.size()));
        for (Iterator<Message> newestFirst = messages.descendingIterator(); newestFirst.hasNext() && page.size() < PAGE; ) {
            page.add(newestFirst.next());
        }
        Collections.reverse(page);
        return List.copyOf(page);
    }

    private static long size(Message m) {
        return (long) m.from().length() + m.text().length();
    }
}
