package io.jsonrpcws.benchmarks.load;

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;
import io.jsonrpcws.api.NonBlocking;
import io.jsonrpcws.benchmarks.BenchService.Customer;

/** {@link EchoService} declared {@code @NonBlocking}: its calls run on the thread that read the frame. */
@NonBlocking
@JsonRpcService
public class NonBlockingEchoService {

    @JsonRpcMethod
    public String echo(String text) {
        return text;
    }

    @JsonRpcMethod
    public Customer echoObject(Customer customer) {
        return customer;
    }
}
