package io.jsonrpcws.it.app;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.JsonRpcSession;

import java.util.concurrent.CompletionStage;

/** Calls the client back: {@link #ask} is answered only once the client has answered {@code client.answer}. */
@JsonRpcService("quiz")
public class Quiz {

    /** The method the server calls on the client. */
    public static final String CLIENT_METHOD = "client.answer";

    @JsonRpcMethod
    public CompletionStage<String> ask(JsonRpcSession session, String question) {
        return session.request(CLIENT_METHOD, String.class, question)
                .thenApply(answer -> "the client answered " + answer);
    }
}
