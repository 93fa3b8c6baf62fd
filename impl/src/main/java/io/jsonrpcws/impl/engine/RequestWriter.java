package io.jsonrpcws.impl.engine;

/** Writes this side's JSON-RPC 2.0 requests and notifications; params go through the application's JSON-B. */
final class RequestWriter {

    private final ResponseWriter values;

    RequestWriter(ResponseWriter values) {
        this.values = values;
    }

    String notification(String method, Object[] params) {
        StringBuilder out = start(method, params);
        return out.append('}').toString();
    }

    String request(String method, Object[] params, long id) {
        StringBuilder out = start(method, params);
        return out.append(",\"id\":").append(id).append('}').toString();
    }

    private StringBuilder start(String method, Object[] params) {
        StringBuilder out = new StringBuilder(64).append("{\"jsonrpc\":\"2.0\",\"method\":");
        ResponseWriter.string(out, method);
        if (params != null && params.length > 0) {
            out.append(",\"params\":[");
            for (int i = 0; i < params.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                values.value(out, params[i]);
            }
            out.append(']');
        }
        return out;
    }
}
