package io.jsonrpcws.impl.engine;

import io.jsonrpcws.impl.codec.FrameScanner;
import io.jsonrpcws.impl.codec.Limits;
import io.jsonrpcws.impl.codec.MessageReader;
import io.jsonrpcws.impl.codec.ReadFrame;
import io.jsonrpcws.impl.codec.RequestWriter;
import io.jsonrpcws.impl.codec.ResponseWriter;
import io.jsonrpcws.impl.codec.SubscriptionWriter;
import io.jsonrpcws.impl.connection.PeerConnection;
import io.jsonrpcws.impl.connection.SerialSender;
import io.jsonrpcws.impl.dispatch.ParamBinder;
import io.jsonrpcws.impl.dispatch.Shapes;
import io.jsonrpcws.impl.dispatch.ValueReader;
import io.jsonrpcws.impl.invoke.ExceptionMappers;
import io.jsonrpcws.impl.invoke.Invoker;
import io.jsonrpcws.impl.model.InvocationScope;
import io.jsonrpcws.impl.model.MethodTable;
import io.jsonrpcws.impl.model.ResultKind;
import io.jsonrpcws.impl.model.RpcMethod;
import io.jsonrpcws.impl.protocol.ErrorObject;
import io.jsonrpcws.impl.protocol.Incoming;
import io.jsonrpcws.impl.protocol.JsonRpcId;
import io.jsonrpcws.impl.protocol.PeerProtocol;
import io.jsonrpcws.impl.protocol.Utf8;
import io.jsonrpcws.impl.protocol.Version;
import io.jsonrpcws.api.JsonRpcErrorCodes;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParserFactory;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Answers JSON-RPC 2.0 and 1.0 frames: one text in, one text (or nothing) out. Transport-free: the
 * WebSocket endpoint, the HTTP servlet and the clients all run on it, each with its own connection type.
 *
 * <p>One frame's path: {@link #read} has the codec ({@link MessageReader}) read it, handing the params to the
 * dispatcher ({@link ParamBinder}) as they stream by; {@link #execute} has the {@link Invoker} run each call,
 * and writes the answers' text ({@link ResponseWriter}) for the transport's sender.
 *
 * <p>Thread-safe and immutable once built. Synchronous methods run on the calling thread, inside
 * {@link #handle}; the returned stage is then already complete. The caller picks the thread.
 *
 * @param <C> the connection type of the transport: what its {@link InvocationScope} and
 *            {@link io.jsonrpcws.impl.model.ContextParameter}s receive
 */
public final class JsonRpcEngine<C extends PeerConnection> {

    private static final System.Logger LOG = System.getLogger(JsonRpcEngine.class.getName());
    private static final CompletionStage<String> NO_ANSWER = CompletableFuture.completedFuture(null);
    private static final ErrorObject NEEDS_CONNECTION = new ErrorObject(JsonRpcErrorCodes.CONTEXT_NOT_ACTIVE,
            "a subscription needs a WebSocket connection to send its items on", null);
    private static final ErrorObject TOO_MANY_SUBSCRIPTIONS = new ErrorObject(JsonRpcErrorCodes.TOO_MANY_SUBSCRIPTIONS,
            "Too many subscriptions on this connection", null);

    private final MethodTable methods;
    private final Limits limits;
    private final int maxOutgoingMessage;
    private final Invoker<C> invoker;
    private final JsonParserFactory parsers;
    private final ValueReader values;
    private final ParamBinder binder;
    private final ResponseWriter writer;
    private final RequestWriter requests;
    private final SubscriptionWriter notifications;

    private JsonRpcEngine(Builder<C> b) {
        this.methods = Objects.requireNonNull(b.methods, "methods");
        this.limits = b.limits;
        this.maxOutgoingMessage = b.maxOutgoingMessage;
        this.invoker = new Invoker<>(b.scope, b.mappers, LOG);
        this.parsers = JsonProvider.provider().createParserFactory(Map.of());
        Jsonb jsonb = b.jsonb != null ? b.jsonb : JsonbBuilder.create(b.jsonbConfig);
        this.values = ValueReader.of(jsonb, b.jsonb != null ? Shapes.unknownConfiguration() : Shapes.of(b.jsonbConfig));
        this.binder = new ParamBinder(values, b.standardScalars, parsers);
        this.writer = new ResponseWriter(jsonb, b.standardScalars, b.jsonb == null && b.jsonbConfig.getAsMap().isEmpty());
        this.requests = new RequestWriter(writer);
        this.notifications = new SubscriptionWriter(writer);
    }

    public static <C extends PeerConnection> Builder<C> builder() {
        return new Builder<>();
    }

    /** Configures an engine. Only {@link #methods} is required. */
    public static final class Builder<C extends PeerConnection> {
        private MethodTable methods;
        private Limits limits = Limits.DEFAULT;
        private int maxOutgoingMessage = Integer.MAX_VALUE;
        private ExceptionMappers mappers = ExceptionMappers.NONE;
        private InvocationScope<C> scope = InvocationScope.none();
        private Jsonb jsonb;
        private JsonbConfig jsonbConfig = new JsonbConfig();
        private boolean standardScalars = true;

        private Builder() {
        }

        public Builder<C> methods(MethodTable methods) {
            this.methods = methods;
            return this;
        }

        public Builder<C> limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /**
         * The largest message this side sends, in bytes of UTF-8: a larger result is answered with an error
         * instead, a larger notification or request is refused to the caller with an exception.
         */
        public Builder<C> maxOutgoingMessage(int bytes) {
            this.maxOutgoingMessage = bytes;
            return this;
        }

        public Builder<C> exceptionMappers(ExceptionMappers mappers) {
            this.mappers = Objects.requireNonNull(mappers);
            return this;
        }

        /** What to activate around each invocation, such as CDI contexts. */
        public Builder<C> invocationScope(InvocationScope<C> scope) {
            this.scope = Objects.requireNonNull(scope);
            return this;
        }

        /**
         * Maps params and results with a JSON-B built from this configuration. Strings, integers and
         * booleans skip JSON-B unless the configuration registers adapters, serializers or deserializers; with
         * a configuration without any setting, values of the classes JSON-B would write its default way are
         * written by the engine's fast path, byte for byte as JSON-B writes them.
         */
        public Builder<C> jsonbConfig(JsonbConfig config) {
            this.jsonbConfig = Objects.requireNonNull(config);
            this.jsonb = null;
            this.standardScalars = config.getProperty(JsonbConfig.ADAPTERS).isEmpty()
                    && config.getProperty(JsonbConfig.SERIALIZERS).isEmpty()
                    && config.getProperty(JsonbConfig.DESERIALIZERS).isEmpty();
            return this;
        }

        /** Maps params and results with the application's own JSON-B, for every value. */
        public Builder<C> jsonb(Jsonb jsonb) {
            this.jsonb = Objects.requireNonNull(jsonb);
            this.standardScalars = false;
            return this;
        }

        public JsonRpcEngine<C> build() {
            return new JsonRpcEngine<>(this);
        }
    }

    /** The methods this engine calls. */
    public MethodTable methods() {
        return methods;
    }

    /**
     * Answers one frame.
     *
     * @param frame      the text of one message or batch, as received
     * @param connection the connection the frame came on; {@code null} where there is none (HTTP)
     * @return the answer's text, or {@code null} when there is none (notifications); completes when every
     *         call of the frame has completed, and never exceptionally
     */
    public CompletionStage<String> handle(String frame, C connection) {
        return execute(read(frame), connection);
    }

    /**
     * Reads a frame and binds its params without running anything, so that a transport can read on the
     * thread that received it and run it elsewhere. Never throws: a frame that is not JSON or exceeds a
     * limit is read as its error answer.
     */
    public ReadFrame read(String frame) {
        String overLimit = FrameScanner.check(frame, limits);
        if (overLimit != null) {
            return ReadFrame.answered(error(Version.V2_0, JsonRpcId.NULL, ErrorObject.invalidRequest(overLimit)));
        }
        try {
            return new MessageReader(methods, binder, parsers, limits, frame).readFrame();
        } catch (JsonException | NoSuchElementException e) {
            return ReadFrame.answered(error(Version.V2_0, JsonRpcId.NULL, ErrorObject.PARSE_ERROR));
        } catch (RuntimeException e) {
            // a bug of the reader: the frame is answered, and the connection lives on
            LOG.log(Level.ERROR, "JRWS-0106 reading a frame failed unexpectedly; answered -32603", e);
            return ReadFrame.answered(error(Version.V2_0, JsonRpcId.NULL, ErrorObject.INTERNAL_ERROR));
        }
    }

    /**
     * Runs a frame read by {@link #read}: calls its methods, hands answers to this side's calls to the
     * connection's {@link PeerConnection#outgoingCalls()}.
     *
     * @param connection the connection the frame came on; {@code null} where there is none (HTTP)
     * @return the answer's text, or {@code null} when there is none; completes when every call of the frame
     *         has completed, and never exceptionally
     */
    public CompletionStage<String> execute(ReadFrame frame, C connection) {
        if (frame.answer() != null) {
            return answer(frame.answer());
        }
        if (frame.single() != null) {
            Object answer = execute(frame.single(), connection, frame);
            return answer instanceof String s ? answer(s) : answer == null ? NO_ANSWER : stage(answer);
        }
        return batch(frame, connection);
    }

    /**
     * The answer of a frame whose calls ran out of time: the time-out error for each request, in a batch's form
     * for a batch; {@code null} when the frame has no request.
     */
    public String timedOut(ReadFrame frame) {
        List<Incoming> messages = frame.single() != null ? List.of(frame.single()) : frame.batch() != null ? frame.batch() : List.of();
        List<Object> answers = new ArrayList<>();
        for (Incoming m : messages) {
            if (m instanceof Incoming.Request r) {
                answers.add(error(r.version(), r.id(), ErrorObject.TIMED_OUT));
            }
        }
        if (answers.isEmpty()) {
            return null;
        }
        return frame.batch() != null ? joinBatch(answers) : (String) answers.get(0);
    }

    /**
     * Makes the registry of this side's calls to the peer over one connection, written in the version the peer
     * speaks ({@link PeerProtocol#AUTO}).
     *
     * @param send           sends a frame on the connection, after those sent before
     * @param completions    where answers complete their stages
     * @param defaultTimeout the timeout of requests that do not give one
     */
    public OutgoingCalls outgoingCalls(Consumer<String> send, Executor completions, Duration defaultTimeout) {
        return outgoingCalls(send, completions, defaultTimeout, PeerProtocol.AUTO);
    }

    /**
     * Makes the registry of this side's calls to the peer over one connection.
     *
     * @param send           sends a frame on the connection, after those sent before
     * @param completions    where answers complete their stages
     * @param defaultTimeout the timeout of requests that do not give one
     * @param protocol       the JSON-RPC version calls are written in; with {@link PeerProtocol#AUTO} the engine
     *                       tells the calls each message's version as it runs it
     */
    public OutgoingCalls outgoingCalls(Consumer<String> send, Executor completions, Duration defaultTimeout,
                                       PeerProtocol protocol) {
        return outgoingCalls(send, completions, defaultTimeout, protocol, null);
    }

    /**
     * Makes the registry of this side's calls to the peer over one connection, which tells the peer when the
     * application cancels a call whose answer it awaits.
     *
     * @param cancelNotification the notification sent, with params {@code {"id": n}}, when a call's stage is
     *                           cancelled while its answer is awaited (such as {@code $/cancelRequest});
     *                           {@code null} for none
     * @see #outgoingCalls(Consumer, Executor, Duration, PeerProtocol)
     */
    public OutgoingCalls outgoingCalls(Consumer<String> send, Executor completions, Duration defaultTimeout,
                                       PeerProtocol protocol, String cancelNotification) {
        return new OutgoingCalls(requests, values, parsers, send, completions, defaultTimeout, maxOutgoingMessage,
                protocol, cancelNotification);
    }

    /**
     * Makes the registry of the subscriptions a peer may hold on one connection.
     *
     * @param sender     the connection's sender, which the items go through with everything else
     * @param connection what to close when a subscription's overflow policy says so
     * @param max        subscriptions the connection may hold at once
     * @param executor   where a subscription's sending goes on after a burst, so that no thread is kept for a stream
     */
    public Subscriptions subscriptions(SerialSender sender, PeerConnection connection, int max, Executor executor) {
        return new Subscriptions(notifications, sender, connection, max, maxOutgoingMessage, executor);
    }

    private CompletionStage<String> batch(ReadFrame frame, C connection) {
        List<Incoming> messages = frame.batch();
        List<Object> answers = new ArrayList<>(messages.size());
        boolean async = false;
        for (Incoming m : messages) {
            Object answer = execute(m, connection, frame);
            if (answer != null) {
                answers.add(answer);
                async |= !(answer instanceof String);
            }
        }
        if (answers.isEmpty()) {
            return NO_ANSWER;
        }
        if (!async) {
            return answer(joinBatch(answers));
        }
        CompletableFuture<?>[] all = answers.stream()
                .map(a -> a instanceof String s ? CompletableFuture.completedFuture(s) : stage(a).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).thenApply(done -> {
            List<Object> texts = new ArrayList<>(all.length);
            for (CompletableFuture<?> f : all) {
                texts.add(f.join());
            }
            return joinBatch(texts);
        });
    }

    private static String joinBatch(List<Object> answers) {
        StringBuilder out = new StringBuilder(answers.size() * 64).append('[');
        for (int i = 0; i < answers.size(); i++) {
            out.append(i == 0 ? "" : ",").append((String) answers.get(i));
        }
        return out.append(']').toString();
    }

    /**
     * Runs one message. Returns the answer's text, a stage of it for an asynchronous method, or
     * {@code null} for no answer.
     */
    private Object execute(Incoming message, C connection, ReadFrame frame) {
        if (connection != null) {
            heard(message, connection);
        }
        // Java 17 has no pattern switch; the cases of the sealed type are checked in turn.
        if (message instanceof Incoming.Request r) {
            return call(r, connection, frame);
        }
        if (message instanceof Incoming.Notification n) {
            notify(n, connection);
            return null;
        }
        if (message instanceof Incoming.Response r) {
            OutgoingCalls calls = connection == null ? null : connection.outgoingCalls();
            if (calls != null) {
                calls.accept(r);
            } else {
                LOG.log(Level.DEBUG, "an answer came on a connection that makes no calls; dropped");
            }
            return null;
        }
        Incoming.Rejected rejected = (Incoming.Rejected) message;
        return rejected.notification() ? null : error(rejected.version(), rejected.id(), rejected.error());
    }

    /**
     * Tells the connection's calls the version its peer speaks, before anything of the message runs, so that a
     * method calling its client back writes in the client's version. A message refused as neither version's
     * request ({@code {"foo":"boo"}}) tells nothing; one refused for what it asks, as a 1.0 call, does.
     */
    private static void heard(Incoming message, PeerConnection connection) {
        if (message instanceof Incoming.Rejected r && r.version() == Version.V2_0) {
            return;
        }
        OutgoingCalls calls = connection.outgoingCalls();
        if (calls != null) {
            calls.heard(message.version());
        }
    }

    private Object call(Incoming.Request r, C connection, ReadFrame frame) {
        RpcMethod method = r.method();
        RunningCalls running = connection == null ? null : connection.runningCalls();
        Object early = refusedOrBuiltIn(r, connection);
        if (early != null) {
            if (running != null) {
                running.skipped(r.id());
            }
            return early;
        }
        RunningCalls.Call tracked = running == null ? null : running.started(r.id());
        if (tracked != null && tracked.cancelled()) {
            // cancelled before it started: it never runs
            running.returned(tracked);
            running.finished(tracked);
            return error(r.version(), r.id(), ErrorObject.REQUEST_CANCELLED);
        }
        Object result;
        try {
            result = invoker.invoke(method, r.args(), r.version(), r.id(), connection);
        } catch (Throwable t) {
            if (tracked != null) {
                running.returned(tracked);
                running.finished(tracked);
                if (tracked.cancelled()) {
                    return error(r.version(), r.id(), ErrorObject.REQUEST_CANCELLED);
                }
            }
            return failure(r.version(), r.id(), method, t);
        }
        if (tracked != null) {
            running.returned(tracked);
            if (method.resultKind() == ResultKind.COMPLETION_STAGE && result instanceof CompletionStage<?> stage
                    && !stage.toCompletableFuture().isDone()) {
                running.pending(tracked, stage);
                return stage.handle((value, t) -> {
                    running.finished(tracked);
                    return tracked.cancelled() ? error(r.version(), r.id(), ErrorObject.REQUEST_CANCELLED)
                            : t == null ? result(r.version(), r.id(), method, value)
                            : failure(r.version(), r.id(), method, t);
                });
            }
            running.finished(tracked);
            if (tracked.cancelled()) {
                return error(r.version(), r.id(), ErrorObject.REQUEST_CANCELLED);
            }
        }
        if (result instanceof Invoker.Refused u) {
            return error(r.version(), r.id(), u.error());
        }
        switch (method.resultKind()) {
            case VOID:
                return result(r.version(), r.id(), method, null);
            case VALUE:
                return result(r.version(), r.id(), method, result);
            case PUBLISHER:
                if (result == null) {
                    return failure(r.version(), r.id(), method,
                            new NullPointerException(method.javaName() + " returned a null Flow.Publisher"));
                }
                String id = connection.subscriptions().open(method, (Flow.Publisher<?>) result, t -> invoker.failure(method, t), frame);
                return id == null ? error(r.version(), r.id(), TOO_MANY_SUBSCRIPTIONS) : result(r.version(), r.id(), method, id);
            default:
                if (result == null) {
                    return failure(r.version(), r.id(), method,
                            new NullPointerException(method.javaName() + " returned a null CompletionStage"));
                }
                return ((CompletionStage<?>) result).handle((value, t) -> t == null
                        ? result(r.version(), r.id(), method, value)
                        : failure(r.version(), r.id(), method, t));
        }
    }

    /**
     * The answer of a request that runs no application method: refused by its access rule, a built-in method
     * ({@code $/cancelRequest}, an unsubscribe), a subscription without a connection; {@code null} for the others.
     */
    private Object refusedOrBuiltIn(Incoming.Request r, C connection) {
        RpcMethod method = r.method();
        ErrorObject refused = invoker.refusal(method, connection);
        if (refused != null) {
            return error(r.version(), r.id(), refused);
        }
        if (method.resultKind() == ResultKind.CANCEL) {
            cancel(r.args()[0], connection);
            return result(r.version(), r.id(), method, null);
        }
        Subscriptions subscriptions = connection == null ? null : connection.subscriptions();
        if (method.resultKind() == ResultKind.UNSUBSCRIBE) {
            return result(r.version(), r.id(), method,
                    subscriptions != null && subscriptions.cancel((String) r.args()[0]));
        }
        if (method.resultKind() == ResultKind.PUBLISHER && subscriptions == null) {
            return error(r.version(), r.id(), NEEDS_CONNECTION);
        }
        return null;
    }

    private void notify(Incoming.Notification n, C connection) {
        RpcMethod method = n.method();
        if (invoker.refusal(method, connection) != null) {
            LOG.log(Level.DEBUG, () -> "a notification of " + method.name() + " was refused by its access rule");
            return;
        }
        if (method.resultKind() == ResultKind.CANCEL) {
            cancel(n.args()[0], connection);
            return;
        }
        if (method.resultKind() == ResultKind.UNSUBSCRIBE) {
            Subscriptions subscriptions = connection == null ? null : connection.subscriptions();
            if (subscriptions != null) {
                subscriptions.cancel((String) n.args()[0]);
            }
            return;
        }
        try {
            Object result = invoker.invoke(method, n.args(), n.version(), null, connection);
            if (result instanceof Invoker.Refused) {
                LOG.log(Level.DEBUG, () -> "a notification of " + method.name() + " was refused by its param check");
            } else if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, t) -> {
                    if (t != null) {
                        invoker.logFailure(method, t);
                    }
                });
            }
        } catch (Throwable t) {
            invoker.logFailure(method, t);
        }
    }

    /** {@code $/cancelRequest}: cancels the connection's running call with that id, if there is one. */
    private static void cancel(Object id, PeerConnection connection) {
        RunningCalls running = connection == null ? null : connection.runningCalls();
        if (running != null && id instanceof JsonValue value) {
            running.cancel(value);
        }
    }

    private String result(Version version, JsonRpcId id, RpcMethod method, Object value) {
        StringBuilder out = new StringBuilder(64);
        try {
            writer.result(out, version, id, value);
            if (Utf8.longerThan(out, maxOutgoingMessage)) {
                LOG.log(Level.WARNING, () -> "JRWS-0104 the result of " + method.javaName() + " is larger than the "
                        + maxOutgoingMessage + " bytes a message may have; answered with an error");
                return error(version, id, ErrorObject.RESULT_TOO_LARGE);
            }
            return out.toString();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "the result of " + method.javaName() + " cannot be serialized to JSON", e);
            return error(version, id, ErrorObject.INTERNAL_ERROR);
        }
    }

    private String failure(Version version, JsonRpcId id, RpcMethod method, Throwable thrown) {
        return error(version, id, invoker.failure(method, thrown));
    }

    private String error(Version version, JsonRpcId id, ErrorObject error) {
        StringBuilder out = new StringBuilder(96);
        RuntimeException dataFailure = writer.error(out, version, id, error);
        if (dataFailure != null) {
            LOG.log(Level.WARNING, "the data of a JSON-RPC error cannot be serialized to JSON; it was left out", dataFailure);
        }
        return out.toString();
    }

    private static CompletionStage<String> answer(String text) {
        return CompletableFuture.completedFuture(text);
    }

    @SuppressWarnings("unchecked")
    private static CompletionStage<String> stage(Object answer) {
        return (CompletionStage<String>) answer;
    }
}
