package io.jsonrpcws.benchmarks.load;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The streams benchmark's baseline, the transport's real limit for a stream: when asked ({@code feed.strings},
 * {@code feed.quotes}, {@code feed.silence}, {@code feed.unsubscribe}, as {@link StreamService} has them), it answers
 * a subscription id ({@code "0x" + n}, counted per connection, as the framework does) and sends pre-built notification
 * frames, byte for byte what the framework sends for {@link StreamService#TEXT} and {@link StreamService#QUOTE}, with
 * an asynchronous send, one send in flight per connection (as the framework's serial sender), the connection's
 * subscriptions taking turns. A request that finds the connection idle starts its sends on a small pool, as the
 * framework runs a call on its call pool, so that the thread that read it goes back to reading; the sends then go on
 * on whatever thread completes the last one, and after {@value #BURST} sends in a row on one thread (each completed
 * at once) the connection's turn goes back to the pool, so that a fast connection does not keep a thread from the
 * others. The requests are recognised by a glance, not parsed: it only ever talks to the
 * benchmark's generator.
 *
 * <p>One instance per connection (Tyrus's default for annotated endpoints); its state is guarded by the instance.
 */
@ServerEndpoint("/jsonrpc")
public class RawStreamEndpoint {

    /** The text item as the framework writes it (a JSON string without escapes). */
    static final String TEXT_JSON = "\"" + StreamService.TEXT + "\"";
    /** The record item as JSON-B writes it, as the framework does with its default JSON-B. */
    static final String QUOTE_JSON;

    static {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            QUOTE_JSON = jsonb.toJson(StreamService.QUOTE);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Sends in a row on one thread, at most. */
    static final int BURST = 64;

    /** Where an idle connection's sends start. */
    private static final ExecutorService STARTS = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "raw-stream-start");
        t.setDaemon(true);
        return t;
    });

    /** One subscription: its frames, built once, and what is left to send. */
    private static final class Stream {
        final String id;
        final String item;
        final String completed;
        long left;

        Stream(String id, String itemJson, long count) {
            this.id = id;
            String start = "{\"jsonrpc\":\"2.0\",\"method\":\"feed.subscription\",\"params\":{\"subscription\":\"" + id + "\"";
            this.item = start + ",\"result\":" + itemJson + "}}";
            this.completed = start + ",\"completed\":true}}";
            this.left = count;
        }
    }

    private Session session;
    private final ArrayDeque<String> answers = new ArrayDeque<>();
    private final List<Stream> sending = new ArrayList<>();
    private final List<Stream> silent = new ArrayList<>();
    private int turn;
    private long lastId;
    private boolean busy;
    private boolean closed;

    @OnOpen
    public void onOpen(Session session) {
        this.session = session;
    }

    @OnMessage
    public void onMessage(String text) {
        String method = between(text, "\"method\":\"", "\"");
        String id = between(text, "\"id\":", "}");
        String answer;
        synchronized (this) {
            if (method == null || id == null || closed) {
                return;
            }
            switch (method) {
                case "feed.strings", "feed.quotes" -> {
                    String sub = "0x" + Long.toHexString(++lastId);
                    long count = Long.parseLong(between(text, "\"params\":[", "]").trim());
                    sending.add(new Stream(sub, method.equals("feed.strings") ? TEXT_JSON : QUOTE_JSON, count));
                    answer = "\"" + sub + "\"";
                }
                case "feed.silence" -> {
                    String sub = "0x" + Long.toHexString(++lastId);
                    silent.add(new Stream(sub, "null", 0));
                    answer = "\"" + sub + "\"";
                }
                case "feed.unsubscribe" -> {
                    String sub = between(text, "\"params\":[\"", "\"");
                    answer = String.valueOf(sending.removeIf(s -> s.id.equals(sub)) | silent.removeIf(s -> s.id.equals(sub)));
                }
                default -> answer = null;
            }
            // the answer goes before any item of its subscription, as the framework's does
            answers.add(answer == null
                    ? "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":" + id + "}"
                    : "{\"jsonrpc\":\"2.0\",\"result\":" + answer + ",\"id\":" + id + "}");
            if (busy) {
                return;
            }
            busy = true;
        }
        STARTS.execute(this::pump);
    }

    @OnClose
    public void onClose() {
        synchronized (this) {
            closed = true;
            answers.clear();
            sending.clear();
            silent.clear();
        }
    }

    /** The next frame to send, or {@code null} after marking the connection idle. Holding the lock. */
    private String nextLocked() {
        String answer = answers.poll();
        if (answer != null) {
            return answer;
        }
        if (!closed && !sending.isEmpty()) {
            if (turn >= sending.size()) {
                turn = 0;
            }
            Stream s = sending.get(turn);
            if (s.left > 0) {
                s.left--;
                turn++;
                return s.item;
            }
            sending.remove(turn);
            return s.completed;
        }
        busy = false;
        return null;
    }

    /**
     * Sends frames one at a time until there is nothing to send or a send is still in flight, in which case its
     * completion goes on: whichever of the sending thread and the completion comes second continues, so that a
     * completion on the sending thread does not recurse.
     */
    private void pump() {
        for (int sent = 0; ; sent++) {
            if (sent == BURST) {
                STARTS.execute(this::pump);
                return;
            }
            String frame;
            synchronized (this) {
                frame = nextLocked();
            }
            if (frame == null) {
                return;
            }
            Send send = new Send();
            try {
                session.getAsyncRemote().sendText(frame, send);
            } catch (RuntimeException e) {
                failed();
                return;
            }
            if (send.compareAndSet(false, true)) {
                return; // in flight: its completion goes on
            }
            if (!send.ok) {
                failed();
                return;
            }
        }
    }

    private void failed() {
        synchronized (this) {
            closed = true;
            busy = false;
            answers.clear();
            sending.clear();
        }
    }

    /** One send's completion; {@code true} once either the sending thread or the completion has come. */
    private final class Send extends AtomicBoolean implements SendHandler {
        volatile boolean ok;

        @Override
        public void onResult(SendResult result) {
            ok = result.isOK();
            if (compareAndSet(false, true)) {
                return; // the sending thread goes on
            }
            if (ok) {
                pump();
            } else {
                failed();
            }
        }
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before);
        if (start < 0) {
            return null;
        }
        start += before.length();
        int end = text.indexOf(after, start);
        return end < 0 ? null : text.substring(start, end);
    }
}
