package io.jsonrpcws.it.app;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** A service with one intercepted method and one plain one. */
@JsonRpcService("shouter")
public class Shouter {

    @Audited
    @JsonRpcMethod
    public String shout(String text) {
        return text.toUpperCase(java.util.Locale.ROOT);
    }

    @JsonRpcMethod
    public String whisper(String text) {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
