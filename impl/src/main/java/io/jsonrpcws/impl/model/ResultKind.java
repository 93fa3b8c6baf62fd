package io.jsonrpcws.impl.model;

/** What a service method's return type means for the response. */
public enum ResultKind {
    /** {@code void}: the result is {@code null}. */
    VOID,
    /** A value, serialized as the result. */
    VALUE,
    /** A {@link java.util.concurrent.CompletionStage}: the result is sent when it completes. */
    COMPLETION_STAGE
}
