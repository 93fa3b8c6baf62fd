package io.jsonrpcws.benchmarks.load;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** Sends each text frame back as it came, without waiting for the send: the transport's limit. */
@ServerEndpoint("/jsonrpc")
public class RawAsyncEchoEndpoint {

    @OnMessage
    public void onMessage(String text, Session session) {
        session.getAsyncRemote().sendText(text);
    }
}
