package io.jsonrpcws.impl.codec;

import io.jsonrpcws.impl.model.RpcMethod;
import io.jsonrpcws.impl.protocol.ErrorObject;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * What the codec hands a message's {@code params} to: the dispatcher, which binds them to the method's Java
 * parameters. The codec reads the envelope and gives the dispatcher its parser where the params start, so a
 * frame is read once, and no value is printed to be parsed again.
 */
public interface ParamsReader {

    /**
     * Binds the params whose first event ({@code START_ARRAY} or {@code START_OBJECT}) the parser has just
     * returned. Returns with the parser on their last event, bound or not, so that the codec reads on.
     */
    Bound bind(JsonParser parser, Event start, RpcMethod method);

    /** Binds params that came before the method in the message, kept as a structure until it was known. */
    Bound bind(JsonStructure params, RpcMethod method);

    /** Binds the absent params: every JSON parameter must be optional. */
    Bound absent(RpcMethod method);

    /** The arguments, or the error that refuses them. */
    record Bound(Object[] args, ErrorObject error) {
        public static Bound failed(ErrorObject error) {
            return new Bound(null, error);
        }

        public static Bound of(Object[] args) {
            return new Bound(args, null);
        }
    }
}
