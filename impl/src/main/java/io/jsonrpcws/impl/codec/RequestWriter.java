package io.jsonrpcws.impl.codec;

import io.jsonrpcws.api.Params;
import io.jsonrpcws.impl.protocol.Version;

import java.util.List;
import java.util.Map;

/**
 * Writes this side's requests and notifications in JSON-RPC 2.0 or 1.0; param values go through the
 * application's JSON-B.
 *
 * <p>2.0: {@code {"jsonrpc":"2.0","method":m,"params":[...]|{...},"id":n}}, no {@code id} for a notification, no
 * {@code params} when there are no positional params. 1.0: {@code {"method":m,"params":[...],"id":n}}, with
 * {@code "id":null} for a notification and {@code params} always present and always an array.
 */
public final class RequestWriter {

    private final ResponseWriter values;

    public RequestWriter(ResponseWriter values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException for by-name params in 1.0, which has none */
    public String notification(Version version, String method, Params params) {
        StringBuilder out = start(version, method, params);
        return out.append(version == Version.V2_0 ? "}" : ",\"id\":null}").toString();
    }

    /** @throws IllegalArgumentException for by-name params in 1.0, which has none */
    public String request(Version version, String method, Params params, long id) {
        StringBuilder out = start(version, method, params);
        return out.append(",\"id\":").append(id).append('}').toString();
    }

    private StringBuilder start(Version version, String method, Params params) {
        StringBuilder out = new StringBuilder(64).append(version == Version.V2_0 ? "{\"jsonrpc\":\"2.0\",\"method\":" : "{\"method\":");
        ResponseWriter.string(out, method);
        if (params instanceof Params.ByName named) {
            if (version == Version.V1_0) {
                throw new IllegalArgumentException("JSON-RPC 1.0 has no by-name params");
            }
            out.append(",\"params\":{");
            boolean first = true;
            for (Map.Entry<String, Object> member : named.members().entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                ResponseWriter.string(out, member.getKey());
                out.append(':');
                values.value(out, member.getValue());
            }
            out.append('}');
        } else {
            List<Object> positional = ((Params.ByPosition) params).values();
            if (version == Version.V1_0 || !positional.isEmpty()) {
                out.append(",\"params\":[");
                for (int i = 0; i < positional.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    values.value(out, positional.get(i));
                }
                out.append(']');
            }
        }
        return out;
    }
}
