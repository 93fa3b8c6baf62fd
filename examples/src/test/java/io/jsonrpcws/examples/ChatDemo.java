package io.jsonrpcws.examples;

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.standalone.JsonRpcServer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The demo on the standalone runtime for the chat room's tests, its clients, and bounded waits. */
final class ChatDemo {

    /** How long any wait lasts at most: a guard against hangs, never an assertion on time. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    static final Type MESSAGES = new ArrayList<ChatRoom.Message>() { }.getClass().getGenericSuperclass();
    static final Type STRINGS = new ArrayList<String>() { }.getClass().getGenericSuperclass();

    private ChatDemo() {
    }

    /** The demo's services on 127.0.0.1 and a free port. */
    static JsonRpcServer start() {
        return JsonRpcServer.builder().host("127.0.0.1").port(0)
                .beanClasses(Calculator.class, ChatMember.class, ChatRoom.class).start();
    }

    /** A client that has joined the room under this name. */
    static JsonRpcClient member(JsonRpcServer server, String name, Object... handlers) {
        JsonRpcClient client = JsonRpcClient.builder(server.uri()).handlers(handlers).connect();
        result(client.call(PATIENCE, "chat.join", MESSAGES, name));
        return client;
    }

    /** Every message the room keeps, read page by page with {@code chat.messages} as a client catches up. */
    static List<ChatRoom.Message> allMessages(JsonRpcClient client) {
        List<ChatRoom.Message> all = new ArrayList<>();
        long after = 0;
        for (int pages = 0; pages < 100; pages++) {
            List<ChatRoom.Message> page = result(client.call(PATIENCE, "chat.messages", MESSAGES, after));
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.get(page.size() - 1).seq();
        }
        throw new AssertionError("chat.messages never ran out after 100 pages");
    }

    static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("gave up waiting after " + PATIENCE.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** Why the stage failed, or {@code null} when it succeeded; fails the test if it did not complete in time. */
    static Throwable failureOrNull(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("gave up waiting after " + PATIENCE.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** The heap in use after full collections: the least of a few readings, so that a late allocation counts less. */
    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
