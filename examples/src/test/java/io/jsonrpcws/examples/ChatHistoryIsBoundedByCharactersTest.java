package io.jsonrpcws.examples;

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 120 messages of 2,000 characters each (240,000 characters, fewer than the 200 messages the room keeps):
 * the room keeps only the newest of them, at most {@link ChatRoom#MAX_KEPT_CHARS} characters of names and
 * texts together, with no gap before the last. (The room used to keep them all: 200 messages of any length.)
 */
class ChatHistoryIsBoundedByCharactersTest {

    private static final int MESSAGES = 120;

    @Test
    void theRoomKeepsTheNewestMessagesWithinItsCharacterBound() {
        try (JsonRpcServer server = ChatDemo.start(); JsonRpcClient ann = ChatDemo.member(server, "ann")) {
            ChatRoom.Message last = null;
            for (int i = 0; i < MESSAGES; i++) {
                String text = String.format("%04d", i) + "x".repeat(ChatRoom.MAX_TEXT - 4);
                last = ChatDemo.result(ann.call("chat.say", ChatRoom.Message.class, text));
            }

            List<ChatRoom.Message> kept = ChatDemo.allMessages(ann);
            long characters = kept.stream().mapToLong(m -> m.from().length() + m.text().length()).sum();
            assertTrue(characters <= ChatRoom.MAX_KEPT_CHARS, "the room keeps " + characters + " characters in "
                    + kept.size() + " messages");
            assertEquals(last, kept.get(kept.size() - 1), "the newest message is kept");
            long first = kept.get(0).seq();
            assertEquals(LongStream.rangeClosed(first, last.seq()).boxed().toList(),
                    kept.stream().map(ChatRoom.Message::seq).toList(), "the newest messages are kept, without a gap");
            assertTrue(characters + ChatRoom.MAX_TEXT + 3 > ChatRoom.MAX_KEPT_CHARS,
                    "one more message would not have fitted: " + characters + " characters kept");
        }
    }
}
