package io.jsonrpcws.impl.codec;

import io.jsonrpcws.impl.protocol.ErrorObject;
import io.jsonrpcws.impl.protocol.JsonRpcId;
import io.jsonrpcws.impl.protocol.Version;
import jakarta.json.bind.Jsonb;

/**
 * Writes responses as text. The envelope is written directly; results and error data are written as JSON-B writes
 * them: strings, integers and booleans directly when JSON-B is known to map them the standard way, values of the
 * classes JSON-B would write its default way by the fast path of {@link ValueWriters}, anything else by JSON-B.
 * Lone surrogates are written as JSON escapes on every path, so that the text always encodes to UTF-8.
 */
public final class ResponseWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ValueWriters values;
    private final boolean standardScalars;

    /**
     * @param standardScalars whether JSON-B maps strings, integers and booleans the standard way
     * @param defaultMapping  whether {@code jsonb} was built from a {@code JsonbConfig} without any setting, so
     *                        that the fast path may write what it knows JSON-B would write
     */
    public ResponseWriter(Jsonb jsonb, boolean standardScalars, boolean defaultMapping) {
        this.values = ValueWriters.of(jsonb, defaultMapping);
        this.standardScalars = standardScalars;
    }

    /**
     * Appends a result response.
     *
     * @throws RuntimeException when JSON-B cannot serialize the value; {@code out} is then left as it was
     */
    public void result(StringBuilder out, Version version, JsonRpcId id, Object value) {
        int mark = out.length();
        try {
            out.append(version == Version.V2_0 ? "{\"jsonrpc\":\"2.0\",\"result\":" : "{\"result\":");
            value(out, value);
            out.append(version == Version.V2_0 ? ",\"id\":" : ",\"error\":null,\"id\":");
            id(out, id);
            out.append('}');
        } catch (RuntimeException e) {
            out.setLength(mark);
            throw e;
        }
    }

    /**
     * Appends an error response. Data that JSON-B cannot serialize is left out rather than losing the
     * error.
     *
     * @return the failure to serialize the data, or {@code null}
     */
    public RuntimeException error(StringBuilder out, Version version, JsonRpcId id, ErrorObject error) {
        out.append(version == Version.V2_0 ? "{\"jsonrpc\":\"2.0\",\"error\":" : "{\"result\":null,\"error\":");
        RuntimeException dataFailure = errorObject(out, error);
        out.append(",\"id\":");
        id(out, id);
        out.append('}');
        return dataFailure;
    }

    /**
     * Appends an error object, {@code {"code":..,"message":..,"data":..}}. Data that JSON-B cannot serialize is left
     * out rather than losing the error.
     *
     * @return the failure to serialize the data, or {@code null}
     */
    RuntimeException errorObject(StringBuilder out, ErrorObject error) {
        out.append("{\"code\":").append(error.code()).append(",\"message\":");
        string(out, error.message());
        RuntimeException dataFailure = null;
        if (error.data() != null) {
            int mark = out.length();
            out.append(",\"data\":");
            try {
                data(out, error.data());
            } catch (RuntimeException e) {
                out.setLength(mark);
                dataFailure = e;
            }
        }
        out.append('}');
        return dataFailure;
    }

    private void data(StringBuilder out, Object data) {
        if (data instanceof ErrorObject.ParamProblem p) {
            out.append('{');
            if (p.parameter() != null) {
                out.append("\"parameter\":");
                string(out, p.parameter());
                out.append(',');
            }
            out.append("\"problem\":");
            string(out, p.problem());
            out.append('}');
        } else if (data instanceof String s) {
            string(out, s);
        } else {
            json(out, data);
        }
    }

    void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (standardScalars && value instanceof String s) {
            string(out, s);
        } else if (standardScalars && (value instanceof Integer || value instanceof Long || value instanceof Boolean)) {
            out.append(value);
        } else {
            json(out, value);
        }
    }

    private void json(StringBuilder out, Object value) {
        values.write(out, value);
    }

    static void id(StringBuilder out, JsonRpcId id) {
        if (id instanceof JsonRpcId.Text t) {
            string(out, t.value());
        } else if (id instanceof JsonRpcId.Number n) {
            out.append(n.lexeme());
        } else {
            out.append("null");
        }
    }

    /** Appends a JSON string; lone surrogates are escaped so that the text always encodes to UTF-8. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        int plain = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, plain, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                        .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            }
            plain = i + 1;
        }
        out.append(s, plain, n).append('"');
    }
}
