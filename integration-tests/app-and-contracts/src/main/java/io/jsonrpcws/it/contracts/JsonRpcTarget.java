package io.jsonrpcws.it.contracts;

import java.net.URI;

/**
 * Where a contract finds the test application: each target (a container, the standalone runtime)
 * implements {@link #endpoint()}.
 */
public abstract class JsonRpcTarget {

    /** The WebSocket endpoint, {@code ws://127.0.0.1:<port><context>/jsonrpc}. */
    protected abstract URI endpoint();

    /** The HTTP endpoint: the same path, over {@code http}. */
    protected URI httpEndpoint() {
        URI ws = endpoint();
        return URI.create("http" + ws.toString().substring("ws".length()));
    }
}
