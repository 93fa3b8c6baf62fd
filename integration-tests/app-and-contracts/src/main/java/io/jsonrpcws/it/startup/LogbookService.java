package io.jsonrpcws.it.startup;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

import java.util.List;

/** Hands the tests what jsonrpcws logged in this deployment ({@link Logbook}). */
@JsonRpcService("logbook")
public class LogbookService {

    @JsonRpcMethod
    public List<String> lines() {
        return Logbook.lines();
    }
}
