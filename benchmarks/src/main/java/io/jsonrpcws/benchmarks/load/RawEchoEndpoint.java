package io.jsonrpcws.benchmarks.load;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** The transport's limit: every text frame is sent back as it came, by Tyrus, from the delivering thread. */
@ServerEndpoint("/jsonrpc")
public class RawEchoEndpoint {

    @OnMessage
    public String onMessage(String text) {
        return text;
    }
}
