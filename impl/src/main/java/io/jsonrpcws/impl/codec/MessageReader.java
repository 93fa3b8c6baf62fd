package io.jsonrpcws.impl.codec;

import io.jsonrpcws.impl.model.MethodTable;
import io.jsonrpcws.impl.model.RpcMethod;
import io.jsonrpcws.impl.protocol.ErrorObject;
import io.jsonrpcws.impl.protocol.Incoming;
import io.jsonrpcws.impl.protocol.JsonRpcId;
import io.jsonrpcws.impl.protocol.Version;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one frame, a request object or a batch of them, in a single pass: the envelope members in any
 * order, the method looked up in the table, and {@code params} handed as they stream by to the
 * {@link ParamsReader} (the dispatcher), which binds them to the method's Java types. Only when {@code params}
 * comes before {@code method} are they kept as a JSON-P structure and bound once the method is known.
 * One instance per frame.
 */
public final class MessageReader {

    private static final int JSONRPC = 1;
    private static final int METHOD = 2;
    private static final int ID = 4;
    private static final int PARAMS = 8;
    private static final int RESULT = 16;
    private static final int ERROR = 32;

    private final MethodTable methods;
    private final ParamsReader binder;
    private final JsonParserFactory parsers;
    private final Limits limits;
    private final String frame;
    private JsonParser parser;

    public MessageReader(MethodTable methods, ParamsReader binder, JsonParserFactory parsers, Limits limits, String frame) {
        this.methods = methods;
        this.binder = binder;
        this.parsers = parsers;
        this.limits = limits;
        this.frame = frame;
    }

    /**
     * Reads the whole frame before anything runs, so that a parse error anywhere, a batch's last byte
     * included, answers -32700 alone as the specification requires.
     *
     * @throws jakarta.json.JsonException             when the frame is not JSON
     * @throws java.util.NoSuchElementException when the frame ends early
     */
    public ReadFrame readFrame() {
        parser = parsers.createParser(new StringReader(frame));
        try {
            ReadFrame result = switch (parser.next()) {
                case START_OBJECT -> ReadFrame.single(read());
                case START_ARRAY -> readBatch();
                default -> ReadFrame.single(invalid(Version.V2_0, JsonRpcId.NULL, "a request must be an object or an array"));
            };
            if (parser.hasNext()) {
                throw new JsonParsingException("content after the JSON value", parser.getLocation());
            }
            return result;
        } finally {
            parser.close();
        }
    }

    private ReadFrame readBatch() {
        List<Incoming> batch = new ArrayList<>();
        Event e;
        while ((e = parser.next()) != Event.END_ARRAY) {
            if (batch.size() == limits.maxBatchSize()) {
                Skip.value(parser, e);
                Skip.enclosing(parser);
                return ReadFrame.single(invalid(Version.V2_0, JsonRpcId.NULL,
                        "a batch may hold at most " + limits.maxBatchSize() + " messages"));
            }
            if (e == Event.START_OBJECT) {
                batch.add(read());
            } else {
                Skip.value(parser, e);
                batch.add(new Incoming.Rejected(Version.V2_0, JsonRpcId.NULL, false, ErrorObject.INVALID_REQUEST));
            }
        }
        if (batch.isEmpty()) {
            return ReadFrame.single(new Incoming.Rejected(Version.V2_0, JsonRpcId.NULL, false, ErrorObject.INVALID_REQUEST));
        }
        return ReadFrame.batch(batch);
    }

    /**
     * Reads the object whose {@code START_OBJECT} the parser has just returned; returns with the parser
     * on its {@code END_OBJECT}.
     */
    private Incoming read() {
        JsonParser parser = this.parser;
        String jsonrpc = null;
        String methodName = null;
        RpcMethod method = null;
        JsonRpcId id = null;
        Event paramsStart = null;
        JsonStructure deferredParams = null;
        ParamsReader.Bound bound = null;
        String problem = null;
        JsonValue result = null;
        JsonValue error = null;
        int seen = 0;

        Event e;
        while ((e = parser.next()) != Event.END_OBJECT) {
            String key = parser.getString();
            e = parser.next();
            int member = switch (key) {
                case "jsonrpc" -> JSONRPC;
                case "method" -> METHOD;
                case "id" -> ID;
                case "params" -> PARAMS;
                case "result" -> RESULT;
                case "error" -> ERROR;
                default -> 0;
            };
            if ((seen & member) != 0) {
                problem = problem != null ? problem : "member '" + key + "' appears twice";
                Skip.value(parser, e);
                continue;
            }
            seen |= member;
            switch (member) {
                case JSONRPC -> {
                    if (e == Event.VALUE_STRING) {
                        jsonrpc = parser.getString();
                    } else {
                        jsonrpc = "";
                        Skip.value(parser, e);
                    }
                }
                case METHOD -> {
                    if (e == Event.VALUE_STRING) {
                        methodName = parser.getString();
                        method = methods.find(methodName);
                    } else {
                        problem = problem != null ? problem : "method must be a string";
                        Skip.value(parser, e);
                    }
                }
                case ID -> {
                    switch (e) {
                        case VALUE_STRING -> id = new JsonRpcId.Text(parser.getString());
                        case VALUE_NUMBER -> id = new JsonRpcId.Number(parser.getString());
                        case VALUE_NULL -> id = JsonRpcId.NULL;
                        default -> {
                            problem = problem != null ? problem : "id must be a string, a number or null";
                            Skip.value(parser, e);
                        }
                    }
                }
                case PARAMS -> {
                    paramsStart = e;
                    if (e != Event.START_ARRAY && e != Event.START_OBJECT) {
                        problem = problem != null ? problem : "params must be an array or an object";
                    } else if (problem != null || (methodName != null && method == null)) {
                        Skip.value(parser, e);
                    } else if (method != null) {
                        bound = binder.bind(parser, e, method);
                    } else {
                        deferredParams = e == Event.START_ARRAY ? parser.getArray() : parser.getObject();
                    }
                }
                case RESULT -> result = parser.getValue();
                case ERROR -> error = parser.getValue();
                default -> Skip.value(parser, e);
            }
        }

        // An object with a result or an error and no method answers one of this side's calls. It is never
        // answered back, whatever is wrong with it, lest two peers answer each other's answers forever.
        if ((seen & METHOD) == 0 && (seen & (RESULT | ERROR)) != 0) {
            return new Incoming.Response(jsonrpc == null ? Version.V1_0 : Version.V2_0,
                    id == null ? JsonRpcId.NULL : id, result, error);
        }

        // Only a method says that an object without jsonrpc is a 1.0 call; anything else is not a
        // request of either version and gets 2.0's Invalid Request, as the specification's {"foo": "boo"}.
        Version version = jsonrpc == null && (seen & METHOD) != 0 ? Version.V1_0 : Version.V2_0;
        JsonRpcId answerId = id == null ? JsonRpcId.NULL : id;
        if (jsonrpc != null && !"2.0".equals(jsonrpc)) {
            return invalid(version, answerId, "jsonrpc must be \"2.0\"");
        }
        if (problem != null) {
            return invalid(version, answerId, problem);
        }
        if (methodName == null) {
            return invalid(version, answerId, "method is missing");
        }
        if (version == Version.V1_0) {
            if (id == null) {
                return invalid(version, answerId, "a JSON-RPC 1.0 request needs an id, null for a notification");
            }
            if (paramsStart == Event.START_OBJECT) {
                return invalid(version, answerId, "JSON-RPC 1.0 params must be an array");
            }
        }
        boolean notification = version == Version.V2_0 ? id == null : id == JsonRpcId.NULL;
        if (method == null) {
            return new Incoming.Rejected(version, answerId, notification, ErrorObject.METHOD_NOT_FOUND);
        }
        if (bound == null) {
            bound = deferredParams != null ? binder.bind(deferredParams, method) : binder.absent(method);
        }
        if (bound.error() != null) {
            return new Incoming.Rejected(version, answerId, notification, bound.error());
        }
        return notification
                ? new Incoming.Notification(version, method, bound.args())
                : new Incoming.Request(version, id, method, bound.args());
    }

    private static Incoming invalid(Version version, JsonRpcId id, String problem) {
        return new Incoming.Rejected(version, id, false, ErrorObject.invalidRequest(problem));
    }
}
