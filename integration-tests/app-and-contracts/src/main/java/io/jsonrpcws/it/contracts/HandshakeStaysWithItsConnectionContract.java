package io.jsonrpcws.it.contracts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each connection sees its own handshake's headers, even when many handshakes run at once: what the
 * configurator carries from the handshake to the connection is never another connection's.
 */
public abstract class HandshakeStaysWithItsConnectionContract extends JsonRpcTarget {

    private static final int CLIENTS = 16;

    @Test
    void concurrentHandshakesKeepTheirOwnHeaders() {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<RpcClient> clients = new ArrayList<>();
        try {
            List<CompletableFuture<RpcClient>> opening = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String name = "client-" + i;
                opening.add(CompletableFuture.supplyAsync(() -> RpcClient.connect(endpoint(), Map.of("X-Client", name)), pool));
            }
            for (CompletableFuture<RpcClient> c : opening) {
                clients.add(c.join());
            }
            for (int i = 0; i < CLIENTS; i++) {
                assertEquals("client-" + i, clients.get(i).callForObject(
                        "{\"jsonrpc\":\"2.0\",\"method\":\"handshake.header\",\"params\":[\"X-Client\"],\"id\":1}")
                        .getString("result"));
            }
        } finally {
            clients.forEach(RpcClient::close);
            pool.shutdownNow();
        }
    }
}
