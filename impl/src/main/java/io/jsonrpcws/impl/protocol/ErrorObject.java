package io.jsonrpcws.impl.protocol;

import io.jsonrpcws.api.JsonRpcErrorCodes;

/**
 * The {@code error} member of a response.
 *
 * @param code    the error code
 * @param message the short description
 * @param data    the optional {@code data} member: {@code null} to omit it; a {@code String} or a
 *                {@link ParamProblem} is written directly, anything else is serialized with JSON-B
 */
public record ErrorObject(int code, String message, Object data) {

    public static final ErrorObject PARSE_ERROR = new ErrorObject(JsonRpcErrorCodes.PARSE_ERROR, "Parse error", null);
    public static final ErrorObject INVALID_REQUEST = new ErrorObject(JsonRpcErrorCodes.INVALID_REQUEST, "Invalid Request", null);
    public static final ErrorObject METHOD_NOT_FOUND = new ErrorObject(JsonRpcErrorCodes.METHOD_NOT_FOUND, "Method not found", null);
    public static final ErrorObject INTERNAL_ERROR = new ErrorObject(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error", null);
    public static final ErrorObject RESULT_TOO_LARGE = new ErrorObject(JsonRpcErrorCodes.INTERNAL_ERROR,
            "Internal error: the result is larger than a message may be", null);
    public static final ErrorObject REQUEST_CANCELLED = new ErrorObject(JsonRpcErrorCodes.REQUEST_CANCELLED, "Request cancelled", null);
    public static final ErrorObject TIMED_OUT = new ErrorObject(JsonRpcErrorCodes.TIMED_OUT, "Timed out", null);
    public static final ErrorObject NOT_AUTHENTICATED = new ErrorObject(JsonRpcErrorCodes.NOT_AUTHENTICATED, "Not authenticated", null);
    public static final ErrorObject FORBIDDEN = new ErrorObject(JsonRpcErrorCodes.FORBIDDEN, "Forbidden", null);

    /** An Invalid Request error whose {@code data} says what is wrong. */
    public static ErrorObject invalidRequest(String problem) {
        return new ErrorObject(JsonRpcErrorCodes.INVALID_REQUEST, "Invalid Request", problem);
    }

    /** An Invalid params error whose {@code data} names the parameter and the problem. */
    public static ErrorObject invalidParams(String parameter, String problem) {
        return new ErrorObject(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid params", new ParamProblem(parameter, problem));
    }

    /** The {@code data} of an Invalid params error. {@code parameter} is {@code null} for the params as a whole. */
    public record ParamProblem(String parameter, String problem) {
    }
}
