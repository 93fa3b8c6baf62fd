package io.jsonrpcws.standalone.e2e;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** The smallest service, for tests about the transport rather than the calls. */
@JsonRpcService("echo")
public class EchoService {

    @JsonRpcMethod
    public String echo(String text) {
        return text;
    }
}
