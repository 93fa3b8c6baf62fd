package io.jsonrpcws.impl.codec;

import io.jsonrpcws.impl.protocol.ErrorObject;

/**
 * Writes the notifications of a subscription, always in JSON-RPC 2.0 (a 1.0 notification has no by-name params):
 * {@code {"jsonrpc":"2.0","method":m,"params":{"subscription":id,"result":item}}} for each item, then
 * {@code "completed":true} or {@code "error":{...}} in place of {@code "result"} for its end.
 */
public final class SubscriptionWriter {

    private final ResponseWriter values;

    public SubscriptionWriter(ResponseWriter values) {
        this.values = values;
    }

    /** @throws RuntimeException when JSON-B cannot serialize the item */
    public String item(String method, String id, Object item) {
        StringBuilder out = start(method, id, 64).append(",\"result\":");
        values.value(out, item);
        return out.append("}}").toString();
    }

    public String completed(String method, String id) {
        return start(method, id, 0).append(",\"completed\":true}}").toString();
    }

    /** The error notification; data that JSON-B cannot serialize is left out. */
    public String error(String method, String id, ErrorObject error) {
        StringBuilder out = start(method, id, 64).append(",\"error\":");
        values.errorObject(out, error);
        return out.append("}}").toString();
    }

    private static StringBuilder start(String method, String id, int more) {
        StringBuilder out = new StringBuilder(64 + more).append("{\"jsonrpc\":\"2.0\",\"method\":");
        ResponseWriter.string(out, method);
        out.append(",\"params\":{\"subscription\":");
        ResponseWriter.string(out, id);
        return out;
    }
}
