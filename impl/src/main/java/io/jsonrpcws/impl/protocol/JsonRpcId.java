package io.jsonrpcws.impl.protocol;

/**
 * A request id exactly as the client wrote it, so that the response echoes it byte for byte: a string
 * stays a string, {@code 1.0} stays {@code 1.0}, a 30-digit integer stays as written.
 */
public sealed interface JsonRpcId {

    /** The JSON {@code null} id: sent when the request's id could not be read, or was {@code null}. */
    JsonRpcId NULL = new Null();

    /** An id that was a JSON string; {@code value} is the unescaped text. */
    record Text(String value) implements JsonRpcId {
    }

    /** An id that was a JSON number; {@code lexeme} is its text as written, already known valid JSON. */
    record Number(String lexeme) implements JsonRpcId {
    }

    /** The JSON {@code null} id. */
    record Null() implements JsonRpcId {
    }
}
