package io.jsonrpcws.impl.protocol;

/** The JSON-RPC version of a message; a response always uses its request's version. */
public enum Version {
    /** JSON-RPC 1.0: no {@code jsonrpc} member; responses carry both {@code result} and {@code error}. */
    V1_0,
    /** JSON-RPC 2.0: {@code "jsonrpc":"2.0"}; responses carry {@code result} or {@code error}. */
    V2_0
}
