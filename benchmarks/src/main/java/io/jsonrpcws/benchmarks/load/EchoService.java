package io.jsonrpcws.benchmarks.load;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.benchmarks.BenchService.Customer;

/** This framework's service: the same two methods as the other servers. */
@JsonRpcService
public class EchoService {

    @JsonRpcMethod
    public String echo(String text) {
        return text;
    }

    @JsonRpcMethod
    public Customer echoObject(Customer customer) {
        return customer;
    }
}
