package io.jsonrpcws.examples;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.client.JsonRpcClient;
import io.jsonrpcws.standalone.JsonRpcServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Alice asks the room; Bob gets the question and closes his connection instead of answering: Alice's answers
 * say "bob left", next to her own answer. (They used to say "null did not answer": the name was looked up in
 * Bob's session after he had left, when his member had taken it away.)
 */
class QuestionToAMemberWhoLeavesSaysItLeftTest {

    /** A member who answers every question at once. */
    public static class Answers {
        @JsonRpcMethod("chat.question")
        public String question(String from, String question) {
            return "here";
        }
    }

    /** A member who never answers, and tells the test when it was asked. */
    public static class Silent {
        final CompletableFuture<String> asked = new CompletableFuture<>();

        @JsonRpcMethod("chat.question")
        public CompletionStage<String> question(String from, String question) {
            asked.complete(question);
            return new CompletableFuture<>();
        }
    }

    @Test
    void aMemberWhoLeavesBeforeAnsweringIsReportedByName() {
        Silent silent = new Silent();
        try (JsonRpcServer server = ChatDemo.start();
             JsonRpcClient alice = ChatDemo.member(server, "alice", new Answers())) {
            JsonRpcClient bob = ChatDemo.member(server, "bob", silent);
            CompletionStage<List<String>> answers = alice.call(ChatDemo.PATIENCE, "chat.ask", ChatDemo.STRINGS, "still there?");
            assertEquals("still there?", ChatDemo.result(silent.asked));
            bob.close();

            assertEquals(Set.of("alice: here", "bob left"), Set.copyOf(ChatDemo.result(answers)));
        }
    }
}
