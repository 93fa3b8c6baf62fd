package io.jsonrpcws.standalone.fuzz;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The service behind the HTTP endpoint the fuzz test posts to: scalars, structures, async, failures. */
@JsonRpcService("t")
public class FuzzedService {

    public record Point(int x, int y) {
    }

    @JsonRpcMethod
    public int add(int a, int b) {
        return a + b;
    }

    @JsonRpcMethod
    public Object echo(Object value) {
        return value;
    }

    @JsonRpcMethod
    public void log(String line) {
        // a notification target: nothing to answer
    }

    @JsonRpcMethod
    public CompletionStage<String> later(String text) {
        return CompletableFuture.supplyAsync(() -> text);
    }

    @JsonRpcMethod
    public List<Point> mirror(List<Point> points, Map<String, Double> scale, Optional<String> note) {
        return points.stream().map(p -> new Point(p.y(), p.x())).toList();
    }

    @JsonRpcMethod
    public String fail(String text) {
        throw new IllegalStateException("java.lang.IllegalStateException: internal detail " + text);
    }

    @JsonRpcMethod
    public String refuse(int code, String message) {
        throw new JsonRpcException(code, message, List.of(code));
    }
}
