package io.jsonrpcws.testkit;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.examples.Calculator;
import io.jsonrpcws.examples.ChatMember;
import io.jsonrpcws.examples.ChatRoom;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's chat room with two Java clients: joining, messages pushed to the others, questions they answer. */
@JsonRpcTest(services = {Calculator.class, ChatMember.class, ChatRoom.class})
class ChatDemoEndToEndTest {

    /** A member's side of the chat: the server's {@code chat.message} and {@code chat.question} calls. */
    public static class Member {
        private final String answer;
        final LinkedBlockingQueue<ChatRoom.Message> messages = new LinkedBlockingQueue<>();

        Member(String answer) {
            this.answer = answer;
        }

        @JsonRpcMethod("chat.message")
        public void message(ChatRoom.Message m) {
            messages.add(m);
        }

        @JsonRpcMethod("chat.question")
        public String question(String from, String question) {
            return answer;
        }

        /** The next message from someone else than the room itself. */
        ChatRoom.Message nextFrom(String from) throws InterruptedException {
            while (true) {
                ChatRoom.Message m = messages.poll(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(m, "no message from " + from);
                if (m.from().equals(from)) {
                    return m;
                }
            }
        }
    }

    @Test
    void aMessageReachesTheOtherMemberAndAQuestionIsAnsweredByIt(URI uri) throws InterruptedException {
        Member alice = new Member("red");
        Member bob = new Member("blue");
        try (JsonRpcClient a = JsonRpcClient.builder(uri).handlers(alice).connect();
             JsonRpcClient b = JsonRpcClient.builder(uri).handlers(bob).connect()) {
            Type messages = new ArrayList<ChatRoom.Message>() { }.getClass().getGenericSuperclass();
            Await.result(a.call(Duration.ofSeconds(10), "chat.join", messages, "alice"));
            Await.result(b.call(Duration.ofSeconds(10), "chat.join", messages, "bob"));

            ChatRoom.Message said = Await.result(a.call("chat.say", ChatRoom.Message.class, "hello bob"));
            ChatRoom.Message heard = bob.nextFrom("alice");
            assertEquals("hello bob", heard.text());
            assertEquals(said.seq(), heard.seq());

            Type answers = new ArrayList<String>() { }.getClass().getGenericSuperclass();
            List<String> replies = Await.result(a.call(Duration.ofSeconds(10), "chat.ask", answers, "favourite colour?"));
            assertTrue(replies.contains("bob: blue"), replies.toString());
            assertTrue(replies.contains("alice: red"), replies.toString());
        }
    }

    @Test
    void theCalculatorAnswersTheInjectedClient(JsonRpcClient client) {
        assertEquals(2.5, Await.result(client.call("calc.divide", Double.class, 5, 2)));
    }
}
