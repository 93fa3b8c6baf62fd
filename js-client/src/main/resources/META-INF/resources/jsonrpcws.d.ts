/**
 * Types of jsonrpcws.js: a JSON-RPC 2.0 client over one WebSocket, for browsers and Node.js 20+. They need
 * neither the DOM library nor Node's: only `Event`, `EventTarget` and `AbortSignal`, which both declare, and
 * es2018's async iterables.
 */

/** Positional params (an array), named params (an object), or none. */
export type Params = unknown[] | Record<string, unknown> | undefined;

/**
 * The methods of one side, for typed calls and handlers: method names mapped to function types of their
 * params and result, such as `{'calc.add': (a: number, b: number) => number}`. A method called with params by
 * name takes them as one object: `{'calc.subtract': (p: {minuend: number; subtrahend: number}) => number}`.
 * An interface works as well as a type. A result may be written as a Promise; calls resolve with what it holds.
 */
export type Methods = object;

/** The default method map: any method name, params and handlers unchecked, results `unknown`. */
export interface AnyMethods {
  [method: string]: (...params: any[]) => unknown;
}

/** True when `M` maps every string, as AnyMethods does: no method map was given. */
type Untyped<M> = string extends keyof M ? true : false;

/** The names of the methods of `M`: any string when it is untyped. */
export type MethodName<M> = Untyped<M> extends true ? string : Extract<keyof M, string>;

type ParamList<M, K> = M[K & keyof M] extends (...params: infer P) => any ? P : never;

/** One object for params by name, when a method takes exactly one (non-array) object. */
type ByName<P> = P extends [infer N]
  ? N extends readonly unknown[] ? never : N extends object ? N : never
  : never;

/** The params of method `K` of `M`, by position (its parameters as a tuple) or by name (its one object). */
export type ParamsOf<M, K> = Untyped<M> extends true ? Params : ParamList<M, K> | ByName<ParamList<M, K>>;

/**
 * What a call of method `K` of `M` resolves with: `unknown` when `M` is untyped; the subscription id, a string,
 * for a subscription method.
 */
export type ResultOf<M, K> = Untyped<M> extends true ? unknown
  : M[K & keyof M] extends (...params: any[]) => infer R ? R extends JsonRpcSubscription<any> ? string : Awaited<R>
  : never;

/**
 * The subscription methods of `M`: those declared to return a `JsonRpcSubscription<T>`, such as
 * `{'stream.count': (count: number) => JsonRpcSubscription<number>}`. Any string when `M` is untyped.
 */
export type SubscriptionName<M> = Untyped<M> extends true ? string : Extract<{
  [K in keyof M]: M[K] extends (...params: any[]) => JsonRpcSubscription<any> ? K : never
}[keyof M], string>;

/** The items of subscription method `K` of `M`: `unknown` when `M` is untyped. */
export type ItemOf<M, K> = Untyped<M> extends true ? unknown
  : M[K & keyof M] extends (...params: any[]) => JsonRpcSubscription<infer T> ? T : never;

/** The arguments after the method's name: params (optional when the method takes none), then `extra`. */
type Args<M, K, Extra extends unknown[]> = Untyped<M> extends true ? [params?: Params, ...extra: Extra]
  : [] extends ParamList<M, K> ? [params?: ParamsOf<M, K>, ...extra: Extra]
  : [params: ParamsOf<M, K>, ...extra: Extra];

/** The names of the client's events, which on() refuses as method names. */
export type ConnectionEvent = 'open' | 'close' | 'error' | 'resubscribe';

/**
 * A handler of the server's calls: receives positional params spread as arguments, named params as one
 * object. Its result (or its Promise's) answers a request; a thrown error answers an error with its numeric
 * `code` (else -32000), `message` and `data`.
 */
export type Handler = (...params: any[]) => unknown;

/** The handler of method `K` of `M`: its params as declared, returning its result or a Promise of it. */
export type HandlerOf<M, K> = Untyped<M> extends true ? Handler
  : M[K & keyof M] extends (...params: infer P) => infer R ? (...params: P) => R | Promise<Awaited<R>> : never;

/** Error code of a JSON-RPC error answer for a method this client does not handle. */
export declare const METHOD_NOT_FOUND: -32601;
/** Error code answered when a handler throws an error without a numeric `code`. */
export declare const SERVER_ERROR: -32000;
/** Error code of a subscription that the server refused: the connection has as many as it allows. */
export declare const TOO_MANY_SUBSCRIPTIONS: -32013;
/** Error code of a subscription whose items came faster than they were consumed (beyond its buffer). */
export declare const SUBSCRIPTION_OVERFLOW: -32014;
/** Error code of a call that the server answers after `$/cancelRequest` cancelled it. */
export declare const REQUEST_CANCELLED: -32800;

/** An error answer of the server: `code`, `message` and `data` as the server sent them. */
export declare class JsonRpcError extends Error {
  constructor(code: number, message: string, data?: unknown);
  readonly name: 'JsonRpcError';
  readonly code: number;
  readonly data: unknown;
}

/** A call that got no answer within its timeout. */
export declare class JsonRpcTimeoutError extends Error {
  /** @param timeout the timeout in milliseconds */
  constructor(method: string, timeout: number);
  readonly name: 'JsonRpcTimeoutError';
  readonly method: string;
  /** The timeout in milliseconds. */
  readonly timeout: number;
}

/**
 * A call or notification that could not go (the client is closed, or the queue of waiting calls is full), or
 * whose connection closed (or could not open) before its answer came. The message is `<method>: <why>`.
 */
export declare class JsonRpcConnectionError extends Error {
  /** @param why what went wrong, after the method's name in the message */
  constructor(method: string, why: string);
  readonly name: 'JsonRpcConnectionError';
  readonly method: string;
}

export interface ReconnectOptions {
  /** Attempts in a row before giving up (default Infinity). */
  retries?: number;
  /** Delay before the first attempt in ms (default 500); it doubles with each attempt. */
  minDelay?: number;
  /** Largest delay in ms (default 30000). */
  maxDelay?: number;
}

/**
 * What the client needs of a WebSocket: the browser's, Node's global one, and the `ws` package's all have it.
 * Structural, so that a class need not extend the DOM's EventTarget.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void;
}

/** A WebSocket class, such as `WebSocket` or the `ws` package's `WebSocket`. */
export type WebSocketClass = new (url: string, protocols?: string | string[]) => WebSocketLike;

export interface ClientOptions {
  /**
   * Milliseconds a call waits for its answer, counted from the call, queued or not (default 30000; 0 waits for
   * ever). Else from 1 to 2147483647: anything else is a TypeError.
   */
  timeout?: number;
  /** Reconnect after a connection closes that close() did not end (default false). */
  reconnect?: boolean | ReconnectOptions;
  /**
   * How many calls, notifications and batches wait while the client is not connected (before the first open and
   * while reconnecting; default 1024; 0: none). Beyond it a call rejects, and notify() throws, a
   * JsonRpcConnectionError.
   */
  queue?: number;
  /**
   * Runs on every open, before the queued calls are sent: `attempt` is 0 for the first connection, then 1, 2, ...
   * for each reconnection that succeeded. Its calls go out at once. A returned Promise is awaited; what it throws
   * or rejects with becomes an `error` event, and the queue is sent all the same. The `open` event follows.
   */
  onOpen?: (attempt: number) => unknown;
  /** The WebSocket class (default globalThis.WebSocket). */
  WebSocket?: WebSocketClass;
  /** WebSocket subprotocols. */
  protocols?: string | string[];
  /**
   * A bearer token for the server's authenticator (or a function returning one, asked at each connection),
   * offered as the subprotocol `jsonrpcws.bearer.<token>` beside `jsonrpc`; the server never selects it.
   */
  token?: string | (() => string | undefined);
}

export interface ConnectOptions extends ClientOptions {
  /** Milliseconds connect() waits for the connection, reconnecting or not (default 30000; 0: no limit). */
  connectTimeout?: number;
}

export interface CallOptions {
  /** Milliseconds this call waits for its answer; overrides the client's (0: for ever; at most 2147483647). */
  timeout?: number;
}

export interface CancellableCallOptions extends CallOptions {
  /**
   * Cancels the call: it rejects at once with the signal's reason (an Error named AbortError when there is none);
   * one already sent is cancelled on the server with `$/cancelRequest {id}`, whose -32800 answer is dropped, and a
   * queued one leaves the queue. A signal aborted already rejects the call without sending it.
   */
  signal?: AbortSignal;
}

/** The keys of an item that may hold its position: any string for items of unknown type. */
export type ItemKey<T> = unknown extends T ? string : T extends object ? Extract<keyof T, string> : never;

export interface ResubscribeDetail {
  /** The open's attempt, as onOpen has it: 1, 2, ... for each reconnection that succeeded. */
  attempt: number;
  /** True when the subscription went on from its last item (option resume); false: items may have been missed. */
  resumed: boolean;
  /** The new subscription id. */
  id: string;
}

export interface ResubscribeEventDetail extends ResubscribeDetail {
  subscription: JsonRpcSubscription<unknown>;
  method: string;
}

export interface SubscribeOptions<T = unknown> {
  /** The method of the items' notifications (default `<namespace>.subscription`, or `subscription`). */
  notification?: string;
  /** The method that ends a subscription (default `<namespace>.unsubscribe`, or `unsubscribe`). */
  unsubscribe?: string;
  /**
   * How many items wait for the consumer (default 1024). A WebSocket has no flow control in a browser: items arrive
   * as the server sends them, consumed or not.
   */
  buffer?: number;
  /**
   * Beyond the buffer: 'error' (default; after the waiting items the iteration throws a JsonRpcError -32014, and
   * the client unsubscribes) or 'drop-oldest'.
   */
  overflow?: 'error' | 'drop-oldest';
  /**
   * Params by name only: on a resubscription the client sends `params[param] = item[key]` of the last item it
   * received, and reports `resumed: true`.
   */
  resume?: { param: string; key: ItemKey<T> };
  /** Runs when the subscription was made again after a reconnection, with its new id. */
  onResubscribe?: (detail: ResubscribeDetail) => void;
  /** Aborting it unsubscribes. */
  signal?: AbortSignal;
  /** Milliseconds the subscribe call waits for its answer (default: the client's). */
  timeout?: number;
}

export interface OpenDetail {
  /** 0 for the first connection, then 1, 2, ... for each reconnection that succeeded. */
  attempt: number;
}

export interface CloseDetail {
  code: number;
  reason: string;
  /** True when the client will open a new connection. */
  willReconnect: boolean;
  /** 0 when an open connection (or the first attempt) closed; n when the n-th reconnect attempt in a row failed. */
  attempt: number;
}

/** An event of the client (a CustomEvent at run time). */
export interface JsonRpcEvent<D> extends Event {
  readonly detail: D;
}

export interface JsonRpcClientEventMap {
  open: JsonRpcEvent<OpenDetail>;
  close: JsonRpcEvent<CloseDetail>;
  /**
   * A frame the client cannot use, an answer that matches no call, an item of a subscription the client does not
   * have, a failed notification handler, onOpen or onResubscribe.
   */
  error: JsonRpcEvent<Error>;
  /** A subscription was made again after a reconnection. */
  resubscribe: JsonRpcEvent<ResubscribeEventDetail>;
}

export interface ListenerOptions {
  capture?: boolean;
  once?: boolean;
  passive?: boolean;
  signal?: AbortSignal;
}

export type Listener<E> = ((event: E) => void) | { handleEvent(event: E): void };

/**
 * A client. `Server` maps the server's methods that it calls (typed `call`, `notify` and `batch`), `Client` the
 * client's methods that the server calls (typed `on`); both are untyped by default.
 */
export declare class JsonRpcClient<Server extends Methods = AnyMethods, Client extends Methods = AnyMethods>
  extends EventTarget {
  constructor(url: string | URL, options?: ClientOptions);
  readonly url: string;
  readonly isOpen: boolean;
  /** Calls a method; resolves with its result (`unknown` unless `Server` types it). */
  call<K extends MethodName<Server>>(method: K, ...args: Args<Server, K, [options?: CancellableCallOptions]>):
    Promise<ResultOf<Server, K>>;
  /** Calls a method of an untyped client, stating the result's type: `call<number>('calc.add', [1, 2])`. */
  call<T>(method: Untyped<Server> extends true ? string : never, params?: Params, options?: CancellableCallOptions):
    Promise<T>;
  /**
   * Subscribes to a subscription method of the server; returns at once an async iterable of its items (typed when
   * `Server` declares the method to return a `JsonRpcSubscription<T>`).
   */
  subscribe<K extends SubscriptionName<Server>>(method: K,
    ...args: Args<Server, K, [options?: SubscribeOptions<ItemOf<Server, K>>]>): JsonRpcSubscription<ItemOf<Server, K>>;
  /** Subscribes with an untyped client, stating the items' type: `subscribe<Price>('feed.watch', ['ACME'])`. */
  subscribe<T>(method: Untyped<Server> extends true ? string : never, params?: Params,
    options?: SubscribeOptions<T>): JsonRpcSubscription<T>;
  /** Sends a notification; throws a JsonRpcConnectionError when the client is closed or the queue is full. */
  notify<K extends MethodName<Server>>(method: K, ...args: Args<Server, K, []>): void;
  batch(options?: CallOptions): JsonRpcBatch<Server>;
  /**
   * Handles the server's requests and notifications of `method`; returns a function that removes the handler.
   * The names of the client's events ('open', 'close', 'error') are refused: use addEventListener.
   */
  on<K extends MethodName<Client>>(
    method: K & (K extends ConnectionEvent ? never : unknown), handler: HandlerOf<Client, K>): () => void;
  off(method: MethodName<Client>): void;
  /** Closes for good; pending and queued calls reject at once. Resolves when the socket has closed. */
  close(code?: number, reason?: string): Promise<void>;
  /** Resolves when the connection is open (after onOpen and the queue); rejects if the client closes first. */
  opened(): Promise<this>;
  addEventListener<K extends keyof JsonRpcClientEventMap>(
    type: K, listener: Listener<JsonRpcClientEventMap[K]> | null, options?: boolean | ListenerOptions): void;
  addEventListener(type: string, listener: Listener<Event> | null, options?: boolean | ListenerOptions): void;
  removeEventListener<K extends keyof JsonRpcClientEventMap>(
    type: K, listener: Listener<JsonRpcClientEventMap[K]> | null, options?: boolean | ListenerOptions): void;
  removeEventListener(type: string, listener: Listener<Event> | null, options?: boolean | ListenerOptions): void;
}

/**
 * A subscription: an async iterable of its items, in order. Leaving a for-await loop unsubscribes; the server's
 * completion ends the iteration, its error notification makes it throw a JsonRpcError, as does a refused subscribe
 * (its first next()); a lost connection without reconnect, or close(), a JsonRpcConnectionError.
 */
export declare class JsonRpcSubscription<T = unknown> implements AsyncIterableIterator<T> {
  private constructor();
  /** The method subscribed to. */
  readonly method: string;
  /** The server's id: null until answered and while reconnecting; a new one after each resubscription. */
  readonly id: string | null;
  /** Resolves with the id once the server has answered; rejects with the error when it never does. */
  readonly ready: Promise<string>;
  next(): Promise<IteratorResult<T, undefined>>;
  /** Ends the iteration and unsubscribes, without waiting for the server. */
  return(): Promise<IteratorResult<T, undefined>>;
  /**
   * Ends the iteration at once (waiting items are dropped) and unsubscribes: the server's answer (false when it no
   * longer had it); true when there was no id on a connection yet; false when it had ended already.
   */
  unsubscribe(): Promise<boolean>;
  [Symbol.asyncIterator](): this;
}

/** Calls and notifications sent in one frame. */
export declare class JsonRpcBatch<Server extends Methods = AnyMethods> {
  call<K extends MethodName<Server>>(method: K, ...args: Args<Server, K, []>): Promise<ResultOf<Server, K>>;
  call<T>(method: Untyped<Server> extends true ? string : never, params?: Params): Promise<T>;
  notify<K extends MethodName<Server>>(method: K, ...args: Args<Server, K, []>): this;
  /** Sends the frame; resolves when every call has settled. Never rejects. */
  send(): Promise<PromiseSettledResult<unknown>[]>;
}

/**
 * Connects; resolves with the client once its connection is open. Rejects with a JsonRpcConnectionError when
 * it cannot open (without reconnect) or is not open within `connectTimeout`.
 */
export declare function connect<Server extends Methods = AnyMethods, Client extends Methods = AnyMethods>(
  url: string | URL, options?: ConnectOptions): Promise<JsonRpcClient<Server, Client>>;
