/** Types of jsonrpcws.js: a JSON-RPC 2.0 client over one WebSocket, for browsers and Node.js 20+. */

/** Positional params (an array), named params (an object), or none. */
export type Params = unknown[] | Record<string, unknown> | undefined;

/** Error code of a JSON-RPC error answer for a method this client does not handle. */
export declare const METHOD_NOT_FOUND: -32601;
/** Error code answered when a handler throws an error without a numeric `code`. */
export declare const SERVER_ERROR: -32000;

/** An error answer of the server. */
export declare class JsonRpcError extends Error {
  constructor(code: number, message: string, data?: unknown);
  readonly name: 'JsonRpcError';
  readonly code: number;
  readonly data: unknown;
}

/** A call that got no answer within its timeout. */
export declare class JsonRpcTimeoutError extends Error {
  readonly name: 'JsonRpcTimeoutError';
  readonly method: string;
  /** The timeout in milliseconds. */
  readonly timeout: number;
}

/** A call whose connection closed (or could not open) before its answer came. */
export declare class JsonRpcConnectionError extends Error {
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

/** What the client needs of a WebSocket class: the browser's, Node's global one, or the 'ws' package's. */
export interface WebSocketLike extends EventTarget {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface ClientOptions {
  /** Milliseconds a call waits for its answer (default 30000; 0 waits for ever). */
  timeout?: number;
  /** Reconnect after a connection closes that close() did not end (default false). */
  reconnect?: boolean | ReconnectOptions;
  /** The WebSocket class (default globalThis.WebSocket). */
  WebSocket?: new (url: string, protocols?: string | string[]) => WebSocketLike;
  /** WebSocket subprotocols. */
  protocols?: string | string[];
  /**
   * A bearer token for the server's authenticator (or a function returning one, asked at each connection),
   * offered as the subprotocol `jsonrpcws.bearer.<token>` beside `jsonrpc`; the server never selects it.
   */
  token?: string | (() => string | undefined);
}

export interface CallOptions {
  /** Milliseconds this call waits for its answer; overrides the client's. */
  timeout?: number;
}

export interface CloseDetail {
  code: number;
  reason: string;
  /** True when the client will open a new connection. */
  willReconnect: boolean;
}

/**
 * A handler of the server's calls: receives positional params spread as arguments, named params as one
 * object. Its result (or its Promise's) answers a request; a thrown error answers an error.
 */
export type Handler = (...params: any[]) => unknown;

export interface JsonRpcClientEventMap {
  open: Event;
  close: CustomEvent<CloseDetail>;
  error: CustomEvent<Error>;
}

export declare class JsonRpcClient extends EventTarget {
  constructor(url: string | URL, options?: ClientOptions);
  readonly url: string;
  readonly isOpen: boolean;
  call<T = any>(method: string, params?: Params, options?: CallOptions): Promise<T>;
  notify(method: string, params?: Params): void;
  batch(options?: CallOptions): JsonRpcBatch;
  /** Handles the server's requests and notifications of `method`; returns a function that removes the handler. */
  on(method: string, handler: Handler): () => void;
  off(method: string): void;
  /** Closes for good; pending calls reject at once. Resolves when the socket has closed. */
  close(code?: number, reason?: string): Promise<void>;
  /** Resolves when the connection is open; rejects if the client closes first. */
  opened(): Promise<this>;
  addEventListener<K extends keyof JsonRpcClientEventMap>(
    type: K, listener: (event: JsonRpcClientEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof JsonRpcClientEventMap>(
    type: K, listener: (event: JsonRpcClientEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions): void;
}

/** Calls and notifications sent in one frame. */
export declare class JsonRpcBatch {
  call<T = any>(method: string, params?: Params): Promise<T>;
  notify(method: string, params?: Params): this;
  /** Sends the frame; resolves when every call has settled. Never rejects. */
  send(): Promise<PromiseSettledResult<unknown>[]>;
}

/** Connects; resolves with the client once its connection is open. */
export declare function connect(url: string | URL, options?: ClientOptions): Promise<JsonRpcClient>;
