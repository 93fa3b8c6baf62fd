package io.jsonrpcws.examples;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.standalone.JsonRpcServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jsonrpcws.examples.ChatDemo.failureOrNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forty messages of a million characters each (a frame just under the 1 MiB limit) are refused with
 * {@link ChatMember#TEXT_TOO_LONG} and a message naming the limit, the room keeps none of them, and the heap
 * after a full collection has not grown by their 40 MB. (The room used to keep 200 messages of any length.)
 */
class OverlongChatMessageIsRefusedAndNotKeptTest {

    private static final int MESSAGES = 40;
    private static final int LENGTH = 1_000_000;
    private static final long ALLOWED_GROWTH = 10L << 20;

    @Test
    void aMillionCharacterMessageIsRefusedAndTheHeapDoesNotGrow() throws InterruptedException {
        String megabyte = "x".repeat(LENGTH);
        try (JsonRpcServer server = ChatDemo.start(); JsonRpcClient ann = ChatDemo.member(server, "ann")) {
            // the first one sizes whatever buffers the transport keeps for large frames
            failureOrNull(ann.call("chat.say", ChatRoom.Message.class, megabyte));
            long before = ChatDemo.usedHeapAfterGc();
            List<Throwable> failures = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                failures.add(failureOrNull(ann.call("chat.say", ChatRoom.Message.class, megabyte)));
            }
            long grown = ChatDemo.usedHeapAfterGc() - before;

            assertTrue(grown < ALLOWED_GROWTH, "the heap grew by " + (grown >> 20) + " MB after " + MESSAGES
                    + " messages of " + LENGTH + " characters");
            for (Throwable failure : failures) {
                JsonRpcException refused = assertInstanceOf(JsonRpcException.class, failure, "chat.say was not refused");
                assertEquals(ChatMember.TEXT_TOO_LONG, refused.code());
                assertEquals("a message has at most 2000 characters; this one has 1000000", refused.getMessage());
                assertEquals(Json.createObjectBuilder().add("max", 2000).add("length", LENGTH).build(), refused.data());
            }
            assertTrue(ChatDemo.allMessages(ann).stream().allMatch(m -> m.text().length() <= ChatRoom.MAX_TEXT),
                    "the room keeps a message longer than " + ChatRoom.MAX_TEXT + " characters");
        }
    }
}
