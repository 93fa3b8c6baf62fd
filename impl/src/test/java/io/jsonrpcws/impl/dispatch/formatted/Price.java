package io.jsonrpcws.impl.dispatch.formatted;

/** A record in a package with a number format. */
public record Price(double amount) {
}
