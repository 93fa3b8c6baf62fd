/**
 * jsonrpcws.js: a JSON-RPC 2.0 client over one WebSocket, for browsers and Node.js 20+.
 * An ES module with no dependencies. Types: jsonrpcws.d.ts.
 *
 *   import {JsonRpcClient} from '/jsonrpcws.js';
 *   const client = new JsonRpcClient('ws://127.0.0.1:8080/jsonrpc');
 *   console.log(await client.call('calc.add', [1, 2]));
 *
 * Calls made before the connection opens wait for it. Events (EventTarget): 'open', 'close' (a
 * CustomEvent whose detail is {code, reason, willReconnect}) and 'error' (a CustomEvent whose detail is an
 * Error: a frame that is not JSON, or an error answer the client cannot match to a call).
 */

/** Error code of a JSON-RPC error answer for a method this client does not handle. */
export const METHOD_NOT_FOUND = -32601;
/** Error code answered when a handler throws an error without a numeric `code`. */
export const SERVER_ERROR = -32000;

/** An error answer of the server: `code`, `message` and `data` as the server sent them. */
export class JsonRpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.name = 'JsonRpcError';
    this.code = code;
    this.data = data;
  }
}

/** A call that got no answer within its timeout. `method` and `timeout` (ms) say which and how long. */
export class JsonRpcTimeoutError extends Error {
  constructor(method, timeout) {
    super(`no answer to ${method} within ${timeout} ms`);
    this.name = 'JsonRpcTimeoutError';
    this.method = method;
    this.timeout = timeout;
  }
}

/** A call whose connection closed (or could not open) before its answer came. */
export class JsonRpcConnectionError extends Error {
  constructor(method, why) {
    super(`${method}: ${why}`);
    this.name = 'JsonRpcConnectionError';
    this.method = method;
  }
}

const OPEN = 1;
const RECONNECT_DEFAULTS = { retries: Infinity, minDelay: 500, maxDelay: 30000 };

/**
 * A JSON-RPC client over one WebSocket at a time.
 *
 * options:
 * - timeout: ms a call waits for its answer (default 30000; 0 waits for ever)
 * - reconnect: false (default), true, or {retries, minDelay, maxDelay}: after a connection closes that
 *   close() did not end, open a new one after minDelay, doubling up to maxDelay, at most `retries` times
 *   in a row. Calls sent on the closed connection are rejected; calls made meanwhile wait.
 * - WebSocket: the WebSocket class (default globalThis.WebSocket; in Node 20 run with
 *   --experimental-websocket or pass one, such as the 'ws' package's)
 * - protocols: WebSocket subprotocols, passed on
 * - token: a bearer token (or a function returning one, asked at each connection) for the server's
 *   authenticator, offered as the subprotocol 'jsonrpcws.bearer.<token>' beside 'jsonrpc': browsers cannot set
 *   headers on a WebSocket, and a token in the URL would end up in logs. The server never selects it.
 */
export class JsonRpcClient extends EventTarget {
  #url;
  #protocols;
  #token;
  #WebSocket;
  #timeout;
  #reconnect;
  #socket = null;
  #generation = 0;
  #generationClosed = 0;
  #nextId = 1;
  #pending = new Map(); // id -> {method, resolve, reject, timer, sent}
  #queue = [];          // frames (strings) waiting for the connection, with the ids they carry
  #handlers = new Map();
  #closed = false;
  #attempts = 0;
  #retryTimer = null;
  #closedPromise = null;
  #resolveClosed = null;

  constructor(url, options = {}) {
    super();
    this.#url = String(url);
    this.#protocols = options.protocols;
    this.#token = options.token;
    this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
    if (typeof this.#WebSocket !== 'function') {
      throw new TypeError('no WebSocket implementation: pass options.WebSocket'
        + ' (in Node.js 20, or run it with --experimental-websocket)');
    }
    this.#timeout = options.timeout ?? 30000;
    const r = options.reconnect;
    this.#reconnect = r ? { ...RECONNECT_DEFAULTS, ...(r === true ? {} : r) } : null;
    this.#closedPromise = new Promise(resolve => { this.#resolveClosed = resolve; });
    this.#open();
  }

  /** The URL connected to. */
  get url() {
    return this.#url;
  }

  /** True while a connection is open. */
  get isOpen() {
    return this.#socket !== null && this.#socket.readyState === OPEN;
  }

  /**
   * Calls a method; resolves with its result. Rejects with a JsonRpcError for an error answer, a
   * JsonRpcTimeoutError when no answer came in time, a JsonRpcConnectionError when the connection closed
   * first. params: an array (by position), an object (by name), or undefined (none).
   */
  call(method, params, options = {}) {
    const entry = this.#request(method, params, options.timeout);
    this.#send(JSON.stringify(entry.message), [entry.id]);
    return entry.promise;
  }

  /** Sends a notification: a call without an answer. Queued while the connection is not open. */
  notify(method, params) {
    this.#checkNotClosed(method);
    this.#send(JSON.stringify(message(method, params)), []);
  }

  /** A batch: add calls and notifications, then send() them in one frame. */
  batch(options = {}) {
    return new JsonRpcBatch(this, options);
  }

  /**
   * Handles the server's calls of `method`: handler(...params) for positional params,
   * handler(params) for named ones. Its return value (or what its Promise resolves to) is the answer to
   * a request; a thrown error (or rejection) answers an error with the error's numeric `code` (else
   * -32000), its message and its `data`. Notifications are handled alike, without an answer. A method
   * with no handler is answered -32601. One handler per method; returns a function that removes it.
   */
  on(method, handler) {
    if (typeof handler !== 'function') {
      throw new TypeError('a handler must be a function');
    }
    this.#handlers.set(method, handler);
    return () => {
      if (this.#handlers.get(method) === handler) {
        this.#handlers.delete(method);
      }
    };
  }

  /** Removes the handler of `method`. */
  off(method) {
    this.#handlers.delete(method);
  }

  /**
   * Closes the connection for good: pending and waiting calls are rejected with a
   * JsonRpcConnectionError at once; no reconnect follows. Resolves when the socket has closed.
   */
  /** The subprotocols to offer: the ones given, and the bearer token's with 'jsonrpc' when there is a token. */
  #offeredProtocols() {
    const given = this.#protocols === undefined ? [] : [].concat(this.#protocols);
    const token = typeof this.#token === 'function' ? this.#token() : this.#token;
    if (token === undefined || token === null || token === '') {
      return given.length ? given : undefined;
    }
    const offered = given.includes('jsonrpc') ? given : ['jsonrpc', ...given];
    return [...offered, `jsonrpcws.bearer.${token}`];
  }

  close(code = 1000, reason = '') {
    if (!this.#closed) {
      this.#closed = true;
      clearTimeout(this.#retryTimer);
      this.#retryTimer = null;
      this.#failAll('the client was closed');
      const socket = this.#socket;
      if (socket && socket.readyState <= OPEN) {
        socket.close(code, reason);
      } else {
        this.#finish(code, reason);
      }
    }
    return this.#closedPromise;
  }

  /** Resolves when the connection is open; rejects if the client closes first. */
  opened() {
    if (this.isOpen) {
      return Promise.resolve(this);
    }
    if (this.#closed) {
      return Promise.reject(new JsonRpcConnectionError('connect', 'the client is closed'));
    }
    return new Promise((resolve, reject) => {
      const onOpen = () => { done(); resolve(this); };
      const onClose = e => {
        if (!e.detail.willReconnect) {
          done();
          reject(new JsonRpcConnectionError('connect', `closed (${e.detail.code}${e.detail.reason ? ' ' + e.detail.reason : ''})`));
        }
      };
      const done = () => {
        this.removeEventListener('open', onOpen);
        this.removeEventListener('close', onClose);
      };
      this.addEventListener('open', onOpen);
      this.addEventListener('close', onClose);
    });
  }

  // used by JsonRpcBatch
  _request(method, params, timeout) {
    return this.#request(method, params, timeout);
  }

  _send(frame, ids) {
    this.#send(frame, ids);
  }

  #checkNotClosed(method) {
    if (this.#closed) {
      throw new JsonRpcConnectionError(method, 'the client is closed');
    }
  }

  #request(method, params, timeout = this.#timeout) {
    const id = this.#nextId++;
    const entry = { id, method, message: { ...message(method, params), id }, sent: false, timer: null };
    entry.promise = new Promise((resolve, reject) => {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    if (this.#closed) {
      entry.reject(new JsonRpcConnectionError(method, 'the client is closed'));
      return entry;
    }
    if (timeout > 0 && timeout < Infinity) {
      entry.timer = setTimeout(() => {
        this.#pending.delete(id);
        entry.reject(new JsonRpcTimeoutError(method, timeout));
      }, timeout);
    }
    this.#pending.set(id, entry);
    return entry;
  }

  #send(frame, ids) {
    if (this.#closed) {
      return;
    }
    if (this.isOpen) {
      this.#write(frame, ids);
    } else {
      this.#queue.push({ frame, ids });
    }
  }

  #write(frame, ids) {
    for (const id of ids) {
      const entry = this.#pending.get(id);
      if (entry) {
        entry.sent = true;
      }
    }
    this.#socket.send(frame);
  }

  #open() {
    const generation = ++this.#generation;
    let socket;
    try {
      const protocols = this.#offeredProtocols();
      socket = protocols ? new this.#WebSocket(this.#url, protocols) : new this.#WebSocket(this.#url);
    } catch (e) {
      queueMicrotask(() => this.#closedSocket(generation, 1006, String(e?.message ?? e)));
      return;
    }
    this.#socket = socket;
    socket.addEventListener('open', () => {
      if (generation !== this.#generation) {
        return;
      }
      if (this.#closed) {
        socket.close(1000);
        return;
      }
      this.#attempts = 0;
      this.dispatchEvent(new Event('open'));
      const waiting = this.#queue.splice(0);
      for (const { frame, ids } of waiting) {
        if (ids.length === 0 || ids.some(id => this.#pending.has(id))) {
          this.#write(frame, ids);
        }
      }
    });
    socket.addEventListener('message', event => {
      if (generation === this.#generation) {
        this.#receive(event.data, generation);
      }
    });
    socket.addEventListener('close', event => this.#closedSocket(generation, event.code, event.reason));
    // Node 20's WebSocket reports a refused connection with 'error' alone, never 'close'
    socket.addEventListener('error', () => setTimeout(() => {
      if (generation === this.#generation && this.#socket === socket && socket.readyState !== OPEN) {
        this.#closedSocket(generation, 1006, 'the connection failed');
      }
    }, 0));
  }

  #closedSocket(generation, code, reason) {
    if (generation !== this.#generation || this.#generationClosed === generation) {
      return;
    }
    this.#generationClosed = generation;
    this.#socket = null;
    for (const [id, entry] of this.#pending) {
      if (entry.sent) {
        this.#pending.delete(id);
        clearTimeout(entry.timer);
        entry.reject(new JsonRpcConnectionError(entry.method, `the connection closed (${code}) before the answer came`));
      }
    }
    const r = this.#reconnect;
    const willReconnect = !this.#closed && r !== null && this.#attempts < r.retries;
    if (!willReconnect) {
      this.#closed = true;
      this.#failAll(`the connection closed (${code})`);
      this.#finish(code, reason);
      return;
    }
    const delay = Math.min(r.maxDelay, r.minDelay * 2 ** this.#attempts);
    this.#attempts++;
    this.dispatchEvent(new CustomEvent('close', { detail: { code, reason, willReconnect: true } }));
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#open();
    }, delay);
  }

  #finish(code, reason) {
    if (this.#resolveClosed) {
      this.#resolveClosed();
      this.#resolveClosed = null;
      this.dispatchEvent(new CustomEvent('close', { detail: { code, reason, willReconnect: false } }));
    }
  }

  #failAll(why) {
    this.#queue.length = 0;
    const entries = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of entries) {
      clearTimeout(entry.timer);
      entry.reject(new JsonRpcConnectionError(entry.method, why));
    }
  }

  #receive(data, generation) {
    if (typeof data !== 'string') {
      return;
    }
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (e) {
      this.#problem(new Error('the server sent a frame that is not JSON: ' + e.message));
      return;
    }
    if (Array.isArray(frame)) {
      const answers = frame.map(m => this.#handle(m, generation));
      Promise.all(answers).then(list => {
        const replies = list.filter(a => a !== undefined);
        if (replies.length > 0) {
          this.#reply(JSON.stringify(replies), generation);
        }
      });
    } else {
      const answer = this.#handle(frame, generation);
      if (answer) {
        answer.then(reply => reply !== undefined && this.#reply(JSON.stringify(reply), generation));
      }
    }
  }

  /** A response settles its call (returns undefined); a request returns a Promise of its answer. */
  #handle(m, generation) {
    if (m === null || typeof m !== 'object') {
      this.#problem(new Error('the server sent a message that is not an object: ' + JSON.stringify(m)));
      return undefined;
    }
    if (typeof m.method === 'string') {
      return this.#serve(m);
    }
    const entry = this.#pending.get(m.id);
    if (!entry) {
      if (m.error) {
        this.#problem(new JsonRpcError(m.error.code, m.error.message, m.error.data));
      }
      return undefined;
    }
    this.#pending.delete(m.id);
    clearTimeout(entry.timer);
    if (m.error !== undefined && m.error !== null) {
      entry.reject(new JsonRpcError(m.error.code, m.error.message, m.error.data));
    } else {
      entry.resolve(m.result);
    }
    return undefined;
  }

  async #serve(m) {
    const v2 = m.jsonrpc === '2.0';
    const isRequest = v2 ? 'id' in m : m.id !== undefined && m.id !== null;
    const handler = this.#handlers.get(m.method);
    let result;
    let error;
    if (!handler) {
      error = { code: METHOD_NOT_FOUND, message: 'Method not found: ' + m.method };
    } else {
      try {
        const p = m.params;
        result = await (Array.isArray(p) ? handler(...p) : p === undefined ? handler() : handler(p));
      } catch (e) {
        error = {
          code: Number.isInteger(e?.code) ? e.code : SERVER_ERROR,
          message: String(e?.message ?? e),
        };
        if (e?.data !== undefined) {
          error.data = e.data;
        }
      }
    }
    if (!isRequest) {
      return undefined;
    }
    result = result === undefined ? null : result;
    if (v2) {
      return error ? { jsonrpc: '2.0', error, id: m.id } : { jsonrpc: '2.0', result, id: m.id };
    }
    return error ? { result: null, error, id: m.id } : { result, error: null, id: m.id };
  }

  #reply(frame, generation) {
    if (generation === this.#generation && this.isOpen) {
      this.#socket.send(frame);
    }
  }

  #problem(error) {
    this.dispatchEvent(new CustomEvent('error', { detail: error }));
  }
}

/**
 * Calls and notifications sent together in one frame. Each call() returns its own Promise at once; the
 * calls' timeouts start then. send() sends the frame and resolves when every call has settled, with
 * Promise.allSettled's array; it never rejects. An empty batch sends nothing.
 */
export class JsonRpcBatch {
  #client;
  #timeout;
  #entries = [];
  #sent = false;

  constructor(client, options = {}) {
    this.#client = client;
    this.#timeout = options.timeout;
  }

  /** Adds a call; returns the Promise of its result. */
  call(method, params) {
    this.#checkNotSent();
    const entry = this.#client._request(method, params, this.#timeout);
    this.#entries.push(entry);
    return entry.promise;
  }

  /** Adds a notification. */
  notify(method, params) {
    this.#checkNotSent();
    this.#entries.push({ message: message(method, params) });
    return this;
  }

  /** Sends the batch as one frame. */
  send() {
    this.#checkNotSent();
    this.#sent = true;
    const calls = this.#entries.filter(e => e.promise);
    if (this.#entries.length > 0) {
      this.#client._send(JSON.stringify(this.#entries.map(e => e.message)), calls.map(e => e.id));
    }
    return Promise.allSettled(calls.map(e => e.promise));
  }

  #checkNotSent() {
    if (this.#sent) {
      throw new Error('this batch was sent already');
    }
  }
}

/** Connects; resolves with the client once its connection is open, rejects if it cannot open. */
export function connect(url, options) {
  return new JsonRpcClient(url, options).opened();
}

function message(method, params) {
  if (typeof method !== 'string') {
    throw new TypeError('a method name is a string');
  }
  if (params !== undefined && (params === null || typeof params !== 'object')) {
    throw new TypeError(`params of ${method} are an array, an object or undefined`);
  }
  return params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };
}
