package ${package};

import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/**
 * Called as {@code greeter.hello}: the service's name prefixes its methods' names, also when a method names itself
 * ({@code @JsonRpcMethod("hi")} would be {@code greeter.hi}).
 */
@JsonRpcService("greeter")
public class Greeter {

    @JsonRpcMethod
    public String hello(String name) {
        return "Hello, " + name + "!";
    }
}
