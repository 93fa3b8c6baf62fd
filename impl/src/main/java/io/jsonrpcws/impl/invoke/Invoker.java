package io.jsonrpcws.impl.invoke;

import io.jsonrpcws.api.JsonRpcException;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.model.Access;
import io.jsonrpcws.impl.model.CallInfo;
import io.jsonrpcws.impl.model.ContextParameter;
import io.jsonrpcws.impl.model.InvocationScope;
import io.jsonrpcws.impl.model.Param;
import io.jsonrpcws.impl.model.ParamCheck;
import io.jsonrpcws.impl.model.RpcMethod;
import io.jsonrpcws.impl.protocol.ErrorObject;
import io.jsonrpcws.impl.protocol.JsonRpcId;
import io.jsonrpcws.impl.protocol.Version;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Runs a bound call of an application method: checks the caller's access, fills in the context parameters,
 * runs the param check and the method inside the invocation scope, and turns what the method threw into the
 * error to answer (through the exception mappers), logging what no mapper claimed without flooding the log.
 * Knows nothing of JSON: the engine writes what comes out. Thread-safe.
 *
 * @param <C> the connection type of the transport, what the scope and the context parameters receive
 */
public final class Invoker<C extends PeerConnection> {

    private final System.Logger log;
    private final InvocationScope<C> scope;
    private final ExceptionMappers mappers;
    private final FailureLog failures;

    /** @param log where failures are logged: the engine's logger, so one logger tells what a frame did */
    public Invoker(InvocationScope<C> scope, ExceptionMappers mappers, System.Logger log) {
        this.scope = scope;
        this.mappers = mappers;
        this.log = log;
        this.failures = new FailureLog(log);
    }

    /** Arguments the method's {@link ParamCheck} refused, told apart from any result a method may return. */
    public record Refused(ErrorObject error) {
    }

    /** Why the caller may not call the method, or {@code null} when it may; checked before anything runs. */
    public ErrorObject refusal(RpcMethod method, PeerConnection connection) {
        Access access = method.access();
        switch (access.kind()) {
            case ANYONE:
                return null;
            case NOBODY:
                return ErrorObject.FORBIDDEN;
            default:
                if (connection == null || !connection.isAuthenticated()) {
                    return ErrorObject.NOT_AUTHENTICATED;
                }
                for (String role : access.roles()) {
                    if (connection.isUserInRole(role)) {
                        return null;
                    }
                }
                return ErrorObject.FORBIDDEN;
        }
    }

    /**
     * Runs the method's param check, if it has one, then the method, inside the invocation scope (a check may
     * use the request's beans).
     *
     * @param args the bound arguments, context parameters still empty
     * @param id   the call's id, {@code null} for a notification
     * @return the method's result, or {@link Refused} when the check refused the arguments
     * @throws Throwable what the method threw
     */
    public Object invoke(RpcMethod method, Object[] args, Version version, JsonRpcId id, C connection) throws Throwable {
        resolveContext(method, args, version, id, connection);
        Object token = scope.begin(connection);
        try {
            ParamCheck check = method.paramCheck();
            if (check != null) {
                ErrorObject refused = check.check(args);
                if (refused != null) {
                    return new Refused(refused);
                }
            }
            return method.invoker().invoke(args);
        } finally {
            scope.end(token);
        }
    }

    /**
     * The error that answers what a call threw: the mapped one, or -32603 with the failure logged.
     */
    public ErrorObject failure(RpcMethod method, Throwable thrown) {
        JsonRpcException mapped;
        try {
            mapped = mappers.map(thrown);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, () -> "the exception mapper failed on an exception of " + method.javaName(), e);
            mapped = null;
        }
        if (mapped == null) {
            logFailure(method, thrown);
            return ErrorObject.INTERNAL_ERROR;
        }
        return new ErrorObject(mapped.code(), mapped.getMessage(), mapped.dataObject());
    }

    /**
     * Logs a failure no mapper answered. A {@link JsonRpcException} thrown by a notification, which has nobody to
     * answer, is the method's own choice and logged only for debugging.
     */
    public void logFailure(RpcMethod method, Throwable thrown) {
        Throwable cause = ExceptionMappers.unwrap(thrown);
        if (cause instanceof JsonRpcException) {
            log.log(Level.DEBUG, () -> method.javaName() + " answered an error to a notification", cause);
        } else {
            failures.failed(method.javaName(), cause);
        }
    }

    /**
     * Fills in the context parameters. The method table was built with this transport's resolvers, so each is
     * a {@code ContextParameter<C>}.
     */
    @SuppressWarnings("unchecked")
    private static <C extends PeerConnection> void resolveContext(RpcMethod method, Object[] args, Version version,
                                                                 JsonRpcId id, C connection) {
        if (method.needsCallInfo()) {
            CallInfo<C> call = new CallInfo<>(version, id, method.name(), connection);
            List<Param> params = method.params();
            for (int i = 0; i < args.length; i++) {
                if (params.get(i) instanceof Param.Context c) {
                    args[i] = ((ContextParameter<C>) c.source()).resolve(call);
                }
            }
        }
    }
}
