package io.jsonrpcws.examples;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.api.JsonRpcMethod;
import io.jsonrpcws.api.JsonRpcService;

/** A stateless service: one instance for the application. */
@JsonRpcService("calc")
public class Calculator {

    /** Application error code for arithmetic the calculator refuses. */
    public static final int ARITHMETIC_ERROR = 1;

    @JsonRpcMethod
    public double add(double a, double b) {
        return a + b;
    }

    @JsonRpcMethod
    public double subtract(double minuend, double subtrahend) {
        return minuend - subtrahend;
    }

    @JsonRpcMethod
    public double multiply(double a, double b) {
        return a * b;
    }

    @JsonRpcMethod
    public double divide(double dividend, double divisor) {
        if (divisor == 0) {
            throw new JsonRpcException(ARITHMETIC_ERROR, "division by zero");
        }
        return dividend / divisor;
    }
}
