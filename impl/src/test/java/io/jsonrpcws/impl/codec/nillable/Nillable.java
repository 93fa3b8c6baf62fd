package io.jsonrpcws.impl.codec.nillable;

/** Unannotated itself; its package makes JSON-B write its {@code null} properties. */
public record Nillable(String name, String nothing) {
}
