package io.jsonrpcws.benchmarks.load;

import io.jsonrpcws.benchmarks.BenchService.Customer;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

import java.util.concurrent.CompletableFuture;

/** The LSP4J peer's service: the same two methods, answered at once. */
public class LspEchoService {

    /** The remote side's interface; the load test calls no method of the client. */
    public interface Peer {
    }

    @JsonRequest
    public CompletableFuture<String> echo(String text) {
        return CompletableFuture.completedFuture(text);
    }

    @JsonRequest
    public CompletableFuture<Customer> echoObject(Customer customer) {
        return CompletableFuture.completedFuture(customer);
    }
}
