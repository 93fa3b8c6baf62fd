package io.jsonrpcws.examples;

import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With 131 messages in the room, {@code chat.messages} answers pages of {@link ChatRoom#PAGE} (50), oldest
 * first, that a client follows with the last {@code seq} it got until a page is short, and {@code chat.join}
 * answers the newest 50. (Both used to answer every message kept, up to 200, in one message.)
 */
class ChatMessagesAreAnsweredInPagesTest {

    @Test
    void messagesAndJoinAnswerAtMostOnePage() {
        try (JsonRpcServer server = ChatDemo.start(); JsonRpcClient ann = ChatDemo.member(server, "ann")) {
            for (int i = 0; i < 130; i++) {
                ChatDemo.result(ann.call("chat.say", ChatRoom.Message.class, "message " + i));
            }

            List<Integer> sizes = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            long after = 0;
            List<ChatRoom.Message> page;
            do {
                page = ChatDemo.result(ann.call(ChatDemo.PATIENCE, "chat.messages", ChatDemo.MESSAGES, after));
                sizes.add(page.size());
                page.forEach(m -> seqs.add(m.seq()));
                after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
            } while (page.size() == ChatRoom.PAGE && sizes.size() < 10);
            assertEquals(List.of(50, 50, 31), sizes, "the sizes of the pages of chat.messages(0, ...)");
            assertEquals(LongStream.rangeClosed(1, 131).boxed().toList(), seqs, "every message once, oldest first");

            try (JsonRpcClient bob = JsonRpcClient.connect(server.uri())) {
                List<ChatRoom.Message> history = ChatDemo.result(bob.call(ChatDemo.PATIENCE, "chat.join", ChatDemo.MESSAGES, "bob"));
                assertEquals(LongStream.rangeClosed(82, 131).boxed().toList(),
                        history.stream().map(ChatRoom.Message::seq).toList(), "chat.join answers the newest page");
            }
        }
    }
}
