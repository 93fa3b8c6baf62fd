/**
 * jsonrpcws.js: a JSON-RPC 2.0 client over one WebSocket, for browsers and Node.js 20+.
 * An ES module with no dependencies. Types: jsonrpcws.d.ts.
 *
 *   import {JsonRpcClient} from '/jsonrpcws.js';
 *   const client = new JsonRpcClient('ws://127.0.0.1:8080/jsonrpc');
 *   console.log(await client.call('calc.add', [1, 2]));
 *
 * Calls made before the connection opens, or while it reconnects, are queued (option queue). Events
 * (EventTarget, each a CustomEvent): 'open' ({attempt}), 'close' ({code, reason, willReconnect, attempt}),
 * 'resubscribe' ({subscription, method, id, attempt, resumed}) and 'error' (an Error: a frame that is not JSON, an
 * answer the client cannot match to a call, an item of a subscription the client does not have, a handler of a
 * notification, onOpen or onResubscribe that failed).
 */

/** Error code of a JSON-RPC error answer for a method this client does not handle. */
export const METHOD_NOT_FOUND = -32601;
/** Error code answered when a handler throws an error without a numeric `code`. */
export const SERVER_ERROR = -32000;
/** Error code of a subscription that the server refused: the connection has as many as it allows. */
export const TOO_MANY_SUBSCRIPTIONS = -32013;
/** Error code of a subscription whose items came faster than they were consumed (beyond its buffer). */
export const SUBSCRIPTION_OVERFLOW = -32014;
/** Error code of a call that the server answers after `$/cancelRequest` cancelled it. */
export const REQUEST_CANCELLED = -32800;

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

/**
 * A call or notification that could not go, or whose connection closed (or could not open) before its answer
 * came: the client is closed, the queue of waiting calls is full, or the connection was lost. The message says
 * which, after the method's name.
 */
export class JsonRpcConnectionError extends Error {
  constructor(method, why) {
    super(`${method}: ${why}`);
    this.name = 'JsonRpcConnectionError';
    this.method = method;
  }
}

const OPEN = 1;
const RECONNECT_DEFAULTS = { retries: Infinity, minDelay: 500, maxDelay: 30000 };
const CONNECTION_EVENTS = ['open', 'close', 'error', 'resubscribe'];
const CANCEL_REQUEST = '$/cancelRequest';
/** The longest timeout setTimeout keeps: a longer one would fire at once. */
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * A JSON-RPC client over one WebSocket at a time.
 *
 * options:
 * - timeout: ms a call waits for its answer (default 30000; 0 waits for ever; else 1 to 2^31-1, a TypeError
 *   otherwise), counted from the call, queued or not
 * - reconnect: false (default), true, or {retries, minDelay, maxDelay}: after a connection closes that
 *   close() did not end, open a new one after minDelay, doubling up to maxDelay, at most `retries` times
 *   in a row. Calls sent on the closed connection are rejected; calls made meanwhile are queued.
 * - queue: how many calls, notifications and batches wait while the client is not connected (before the first
 *   open and while reconnecting; default 1024; 0: none wait). Beyond it a call rejects, and notify() throws, a
 *   JsonRpcConnectionError saying the queue is full.
 * - onOpen(attempt): runs on every open (attempt 0 the first, then 1, 2, ... for each reconnection that
 *   succeeded), before the queued calls are sent; calls it makes go out at once. May return a Promise, which
 *   is awaited; what it throws or rejects with is dispatched as an 'error' event, and the queue is sent all the
 *   same. The 'open' event follows.
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
  #queueLimit;
  #onOpen;
  #socket = null;
  #generation = 0;
  #generationClosed = 0;
  #nextId = 1;
  #pending = new Map(); // id -> {method, resolve, reject, timer, sent}
  #queue = [];          // {frame, ids}: frames (strings) waiting for the connection, with the ids of their calls
  #handlers = new Map();
  #closed = false;
  #closedWhy = '';      // why calls and notifications are refused once #closed
  #failure = '';        // what the last connection that closed said about it
  #attempt = 0;         // 0 while the first connection opens or one is open, n for the n-th reconnect in a row
  #opens = 0;
  #ready = false;       // between the 'open' event and the connection's close
  #retryTimer = null;
  #closedPromise = null;
  #resolveClosed = null;
  #subscriptions = new Set(); // the subscriptions that have not ended
  #routes = new Map();        // notification method -> Map(subscription id -> subscription) on this connection
  #late = new Map();          // id -> entry: subscribe requests sent, given up (timeout) before their answer
  #link;

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
    this.#timeout = options.timeout === undefined ? 30000 : checkTimeout('timeout', options.timeout);
    const queue = options.queue ?? 1024;
    if (!(Number.isInteger(queue) && queue >= 0) && queue !== Infinity) {
      throw new TypeError(`queue is a number of calls, 0 or more, not ${String(queue)}`);
    }
    this.#queueLimit = queue;
    if (options.onOpen !== undefined && typeof options.onOpen !== 'function') {
      throw new TypeError('onOpen is a function');
    }
    this.#onOpen = options.onOpen;
    const r = options.reconnect;
    this.#reconnect = r ? { ...RECONNECT_DEFAULTS, ...(r === true ? {} : r) } : null;
    this.#closedPromise = new Promise(resolve => { this.#resolveClosed = resolve; });
    this.#link = this.#makeLink();
    this.#open();
  }

  /** The URL connected to. */
  get url() {
    return this.#url;
  }

  /** True while a connection is open (onOpen runs with it open). */
  get isOpen() {
    return this.#socket !== null && this.#socket.readyState === OPEN;
  }

  /**
   * Calls a method; resolves with its result. Rejects with a JsonRpcError for an error answer, a
   * JsonRpcTimeoutError when no answer came in time, a JsonRpcConnectionError when the client is closed, the
   * queue is full, or the connection closed first. params: an array (by position), an object (by name), or
   * undefined (none). Throws a TypeError for a method that is not a string, params of another kind, or a
   * timeout out of range.
   *
   * options.signal, an AbortSignal, cancels the call: it rejects at once with the signal's reason; a call already
   * sent is cancelled on the server with the notification $/cancelRequest {id} (the server answers -32800, and
   * that answer, as any later one, is dropped); a queued one is taken out of the queue. A signal aborted already
   * rejects the call without sending anything.
   */
  call(method, params, options = {}) {
    const timeout = options.timeout === undefined ? this.#timeout : checkTimeout('timeout', options.timeout);
    const signal = options.signal;
    if (signal?.aborted) {
      message(method, params);
      return Promise.reject(abortReason(signal));
    }
    const entry = this.#request(method, params, timeout);
    this.#dispatch(JSON.stringify(entry.message), [entry.id], method);
    if (signal && this.#pending.get(entry.id) === entry) {
      const onAbort = () => this.#abort(entry, abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      const done = () => signal.removeEventListener('abort', onAbort);
      entry.promise.then(done, done);
    }
    return entry.promise;
  }

  /**
   * Subscribes: calls `method` (a subscription method of the server) with `params` and returns a
   * JsonRpcSubscription at once, an async iterable of the items. See JsonRpcSubscription for its options.
   */
  subscribe(method, params, options = {}) {
    return new JsonRpcSubscription(this.#link, method, params, options);
  }

  /**
   * Sends a notification: a call without an answer. Queued while the connection is not open. Throws a
   * JsonRpcConnectionError where call() would reject with one: the client is closed or the queue is full.
   */
  notify(method, params) {
    const refused = this.#dispatch(JSON.stringify(message(method, params)), [], method);
    if (refused) {
      throw refused;
    }
  }

  /** A batch: add calls and notifications, then send() them in one frame. */
  batch(options = {}) {
    return new JsonRpcBatch(this, {
      timeout: options.timeout === undefined ? this.#timeout : checkTimeout('timeout', options.timeout),
    });
  }

  /**
   * Handles the server's calls of `method`: handler(...params) for positional params,
   * handler(params) for named ones. Its return value (or what its Promise resolves to) is the answer to
   * a request; a thrown error (or rejection) answers an error with the error's numeric `code` (else
   * -32000), its message and its `data`. Notifications are handled alike, without an answer; what a handler
   * of a notification throws is dispatched as an 'error' event. A method with no handler is answered -32601.
   * One handler per method; returns a function that removes it. 'open', 'close' and 'error' are the client's
   * events, not methods: on() refuses them (use addEventListener).
   */
  on(method, handler) {
    if (typeof method !== 'string') {
      throw new TypeError('a method name is a string');
    }
    if (CONNECTION_EVENTS.includes(method)) {
      throw new TypeError(`'${method}' is an event of the client, not a method of the server:`
        + ` use addEventListener('${method}', listener)`);
    }
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
   * Closes the connection for good: pending and queued calls are rejected with a JsonRpcConnectionError at
   * once and nothing queued is sent; no reconnect follows. Resolves when the socket has closed.
   */
  close(code = 1000, reason = '') {
    if (!this.#closed) {
      this.#closed = true;
      this.#closedWhy = 'the client was closed';
      clearTimeout(this.#retryTimer);
      this.#retryTimer = null;
      this.#failAll(this.#closedWhy);
      const socket = this.#socket;
      if (socket && socket.readyState <= OPEN) {
        socket.close(code, reason);
      } else {
        this.#finish(code, reason, 0);
      }
    }
    return this.#closedPromise;
  }

  /**
   * Resolves when the connection is open (after onOpen and the queue, with the 'open' event); rejects with a
   * JsonRpcConnectionError if the client closes first, saying why.
   */
  opened() {
    if (this.#ready) {
      return Promise.resolve(this);
    }
    if (this.#closed) {
      return Promise.reject(new JsonRpcConnectionError('connect', this.#closedWhy));
    }
    return new Promise((resolve, reject) => {
      const onOpen = () => { done(); resolve(this); };
      const onClose = e => {
        if (!e.detail.willReconnect) {
          done();
          reject(new JsonRpcConnectionError('connect', this.#closedWhy));
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

  // used by JsonRpcBatch and connect()
  _request(method, params, timeout) {
    return this.#request(method, params, timeout);
  }

  _send(frame, ids) {
    this.#dispatch(frame, ids, 'batch');
  }

  _failure() {
    return this.#failure;
  }

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

  /** A call waiting for its answer; rejected at once when the client is closed. */
  #request(method, params, timeout) {
    const id = this.#nextId++;
    const entry = { id, method, message: { ...message(method, params), id }, sent: false, timer: null };
    entry.promise = new Promise((resolve, reject) => {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    if (this.#closed) {
      entry.reject(new JsonRpcConnectionError(method, this.#closedWhy));
      return entry;
    }
    if (timeout > 0) {
      entry.timer = setTimeout(() => {
        this.#pending.delete(id);
        this.#unqueue(id);
        if (entry.subscription && entry.sent) {
          this.#late.set(id, entry); // its answer, if it comes, is unsubscribed
        }
        entry.reject(new JsonRpcTimeoutError(method, timeout));
      }, timeout);
    }
    this.#pending.set(id, entry);
    return entry;
  }

  /**
   * Sends a frame, or queues it while the client is not connected. When it can do neither, rejects the
   * frame's calls and returns the JsonRpcConnectionError (for notify to throw).
   */
  #dispatch(frame, ids, what) {
    let why = null;
    if (this.#closed) {
      why = this.#closedWhy;
    } else if (this.isOpen) {
      this.#write(frame, ids);
    } else if (this.#queue.length < this.#queueLimit) {
      this.#queue.push({ frame, ids });
    } else {
      why = `not connected, and the queue is full (${this.#queueLimit} waiting, option queue)`;
    }
    if (why === null) {
      return null;
    }
    for (const id of ids) {
      const entry = this.#pending.get(id);
      if (entry) {
        this.#pending.delete(id);
        clearTimeout(entry.timer);
        entry.reject(new JsonRpcConnectionError(entry.method, why));
      }
    }
    return new JsonRpcConnectionError(what, why);
  }

  /** A call aborted by its signal: rejected at once, cancelled on the server when it was sent, else unqueued. */
  #abort(entry, reason) {
    if (this.#pending.get(entry.id) !== entry) {
      return;
    }
    this.#pending.delete(entry.id);
    clearTimeout(entry.timer);
    if (entry.sent) {
      if (this.isOpen) {
        this.#socket.send(JSON.stringify({ jsonrpc: '2.0', method: CANCEL_REQUEST, params: { id: entry.id } }));
      }
    } else {
      this.#unqueue(entry.id);
    }
    entry.reject(reason);
  }

  /** What a subscription may do with its client. */
  #makeLink() {
    return {
      timeout: () => this.#timeout,
      add: sub => this.#subscriptions.add(sub),
      remove: sub => this.#subscriptions.delete(sub),
      request: (method, params, timeout, sub) => {
        const entry = this.#request(method, params, timeout);
        entry.subscription = sub;
        this.#dispatch(JSON.stringify(entry.message), [entry.id], method);
        return entry;
      },
      withdraw: entry => {
        // a subscribe request that is not needed any more: out of the queue, or its answer unsubscribed
        if (this.#pending.get(entry.id) === entry) {
          clearTimeout(entry.timer);
          if (!entry.sent) {
            this.#pending.delete(entry.id);
            this.#unqueue(entry.id);
          }
        }
      },
      call: (method, params) => this.call(method, params),
      route: (notification, id, sub) => {
        let ids = this.#routes.get(notification);
        if (!ids) {
          ids = new Map();
          this.#routes.set(notification, ids);
        }
        ids.set(String(id), sub);
      },
      unroute: (notification, id, sub) => {
        const ids = this.#routes.get(notification);
        if (ids && ids.get(String(id)) === sub) {
          ids.delete(String(id));
        }
      },
      problem: error => this.#problem(error),
      event: detail => this.dispatchEvent(new CustomEvent('resubscribe', { detail })),
    };
  }

  /** Takes a timed-out call's own frame out of the queue, so that it no longer counts against the bound. */
  #unqueue(id) {
    const i = this.#queue.findIndex(q => q.ids.length === 1 && q.ids[0] === id);
    if (i >= 0) {
      this.#queue.splice(i, 1);
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
    let opened = false;
    let error = '';
    try {
      const protocols = this.#offeredProtocols();
      socket = protocols ? new this.#WebSocket(this.#url, protocols) : new this.#WebSocket(this.#url);
    } catch (e) {
      error = String(e?.message ?? e);
      queueMicrotask(() => this.#closedSocket(generation, 1006, '', false, error));
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
      opened = true;
      this.#attempt = 0;
      this.#opened(generation, this.#opens++);
    });
    socket.addEventListener('message', event => {
      if (generation === this.#generation) {
        this.#receive(event.data, generation);
      }
    });
    socket.addEventListener('close', event => this.#closedSocket(generation, event.code, event.reason, opened, error));
    // the 'ws' package's error event says what failed ("connect ECONNREFUSED ...", "Unexpected server response:
    // 404"); a browser's says nothing. Node 20's WebSocket reports a failed opening with 'error' alone, never 'close'
    socket.addEventListener('error', event => {
      if (typeof event?.message === 'string' && event.message !== '') {
        error = event.message;
      }
      setTimeout(() => {
        if (generation === this.#generation && this.#socket === socket && socket.readyState !== OPEN) {
          this.#closedSocket(generation, 1006, '', opened, error);
        }
      }, 0);
    });
  }

  /** The connection is open: onOpen, then the queue, then the 'open' event. */
  async #opened(generation, attempt) {
    if (this.#onOpen) {
      try {
        await this.#onOpen(attempt);
      } catch (e) {
        this.#problem(new Error(`onOpen(${attempt}) failed: ${e?.message ?? e}`, { cause: e }));
      }
      if (generation !== this.#generation || this.#generationClosed === generation || this.#closed) {
        return; // the queue waits for the next connection, or close() has rejected it
      }
    }
    for (const sub of [...this.#subscriptions]) {
      sub._reopened(attempt);
    }
    for (const { frame, ids } of this.#queue.splice(0)) {
      if (ids.length === 0 || ids.some(id => this.#pending.has(id))) {
        this.#write(frame, ids);
      }
    }
    this.#ready = true;
    this.dispatchEvent(new CustomEvent('open', { detail: { attempt } }));
  }

  #closedSocket(generation, code, reason, opened, error) {
    if (generation !== this.#generation || this.#generationClosed === generation) {
      return;
    }
    this.#generationClosed = generation;
    this.#socket = null;
    this.#ready = false;
    const what = opened
      ? `the connection closed (${code}${reason ? ' ' + reason : ''})`
      : `could not open ${this.#url} (closed ${code} before open${error ? ': ' + error : reason ? ': ' + reason : ''})`;
    this.#failure = what;
    const attempt = opened ? 0 : this.#attempt;
    const next = attempt + 1;
    const r = this.#reconnect;
    const willReconnect = !this.#closed && r !== null && next <= r.retries;
    for (const [id, entry] of this.#pending) {
      if (entry.sent) {
        this.#pending.delete(id);
        clearTimeout(entry.timer);
        if (!(entry.subscription && willReconnect)) { // a subscription subscribes again on the next connection
          entry.reject(new JsonRpcConnectionError(entry.method, `${what} before the answer came`));
        }
      }
    }
    this.#late.clear();
    for (const ids of this.#routes.values()) {
      ids.clear();
    }
    if (willReconnect) {
      for (const sub of [...this.#subscriptions]) {
        sub._disconnected();
      }
    }
    if (!willReconnect) {
      if (!this.#closed) {
        this.#closed = true;
        this.#closedWhy = r !== null && attempt > 0 ? `gave up after ${attempt} reconnect attempts: ${what}` : what;
        this.#failAll(this.#closedWhy);
      }
      this.#finish(code, reason, attempt);
      return;
    }
    this.#attempt = next;
    this.dispatchEvent(new CustomEvent('close', { detail: { code, reason, willReconnect: true, attempt } }));
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#open();
    }, Math.min(r.maxDelay, r.minDelay * 2 ** (next - 1)));
  }

  #finish(code, reason, attempt) {
    if (this.#resolveClosed) {
      this.#resolveClosed();
      this.#resolveClosed = null;
      this.dispatchEvent(new CustomEvent('close', { detail: { code, reason, willReconnect: false, attempt } }));
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
    for (const sub of [...this.#subscriptions]) {
      sub._failed(why);
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

  /**
   * A response settles its call (returns undefined); a request returns a Promise of its answer. A response to
   * a call of this client that no longer waits (timed out, or rejected when its connection closed) is dropped,
   * error or result alike; one that matches no call it made is dispatched as an 'error' event.
   */
  #handle(m, generation) {
    if (m === null || typeof m !== 'object') {
      this.#problem(new Error('the server sent a message that is not an object: ' + JSON.stringify(m)));
      return undefined;
    }
    if (typeof m.method === 'string') {
      return this.#route(m) ? undefined : this.#serve(m);
    }
    const entry = this.#pending.get(m.id);
    if (!entry && this.#late.has(m.id)) {
      const late = this.#late.get(m.id);
      this.#late.delete(m.id);
      late.subscription._answered(m, late);
      return undefined;
    }
    if (!entry) {
      if (!(Number.isInteger(m.id) && m.id > 0 && m.id < this.#nextId)) {
        this.#problem(m.error
          ? new JsonRpcError(m.error.code, m.error.message, m.error.data)
          : new Error(`the server answered id ${JSON.stringify(m.id)}, which no call of this client had`));
      }
      return undefined;
    }
    this.#pending.delete(m.id);
    clearTimeout(entry.timer);
    if (entry.subscription) {
      // now, not in a later then(): the items in the next frames find their subscription
      entry.subscription._answered(m, entry);
      return undefined;
    }
    if (m.error !== undefined && m.error !== null) {
      entry.reject(new JsonRpcError(m.error.code, m.error.message, m.error.data));
    } else {
      entry.resolve(m.result);
    }
    return undefined;
  }

  /**
   * Hands an item, or the end, to its subscription: true when the notification is of a method that subscriptions
   * of this client use. One for an id the client does not have goes to the method's handler if there is one, else
   * it is dropped with an 'error' event; one of a subscription that ended is dropped quietly.
   */
  #route(m) {
    const ids = this.#routes.get(m.method);
    const p = m.params;
    if (!ids || 'id' in m || p === null || typeof p !== 'object' || Array.isArray(p) || !('subscription' in p)) {
      return false;
    }
    const sub = ids.get(String(p.subscription));
    if (sub) {
      sub._notified(p);
      return true;
    }
    if (this.#handlers.has(m.method)) {
      return false;
    }
    this.#problem(new Error(`the server sent ${m.method} for subscription ${JSON.stringify(p.subscription)},`
      + ' which this client does not have; dropped'));
    return true;
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
        if (!isRequest) {
          this.#problem(new Error(`the handler of the notification ${m.method} failed: ${e?.message ?? e}`, { cause: e }));
          return undefined;
        }
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
 * A subscription to a subscription method of the server (one returning a Flow.Publisher): made by
 * client.subscribe(method, params, options), it is an async iterable of the items, in the order the server sent
 * them: `for await (const item of sub)`. Leaving the loop (break, return, a throw) unsubscribes.
 *
 * - The server's completion ends the iteration; its error notification makes it throw a JsonRpcError (code,
 *   message, data), after the items that came before. A refused subscribe (such as -32013), a timeout, or a
 *   connection lost without reconnect make it throw the call's error; so does close() of the client
 *   (a JsonRpcConnectionError). `ready` resolves with the id once the server has answered, and rejects with
 *   that error when it never does.
 * - unsubscribe() ends the iteration at once (items not yet consumed are dropped) and asks the server to end it;
 *   it resolves with the server's answer (true, or false when the server no longer had it), true when the
 *   subscription had no id on a connection (not answered yet, or reconnecting: a later answer is unsubscribed
 *   by the client itself), false when it had ended already.
 * - With the client's reconnect, a subscription subscribes again on every new connection, after onOpen and
 *   before the queue is sent, and gets a new id; then options.onResubscribe({attempt, resumed, id}) runs and the
 *   client fires a 'resubscribe' event ({subscription, method, id, attempt, resumed}). resumed false: items
 *   sent while the client was away are lost.
 *
 * options:
 * - notification, unsubscribe: the methods of the items and of ending one (default: `<namespace>.subscription`
 *   and `<namespace>.unsubscribe`, the namespace being the method's name up to its last '.'; `subscription` and
 *   `unsubscribe` for a method without one)
 * - buffer: how many items wait for the consumer (default 1024). A browser's WebSocket has no flow control:
 *   items arrive as fast as the server sends them, whether they are consumed or not. Beyond the buffer,
 *   overflow: 'error' (default: after the items waiting, the iteration throws a JsonRpcError -32014, and the
 *   client unsubscribes) or 'drop-oldest' (the oldest waiting item is dropped)
 * - resume: {param, key}: with params by name (an object), a resubscription sends params[param] =
 *   item[key] of the last item received (the items waiting in the buffer stay and are delivered), so that the
 *   service can go on after it; it reports resumed true when it sent a position (or the params had one)
 * - onResubscribe({attempt, resumed, id}): see above; what it throws becomes the client's 'error' event
 * - signal: an AbortSignal; aborting unsubscribes (ready, not answered yet, rejects with the signal's reason)
 * - timeout: ms the subscribe call waits for its answer (default: the client's)
 */
export class JsonRpcSubscription {
  #link;
  #method;
  #params;
  #notification;
  #unsubscribe;
  #buffer;
  #overflow;
  #resume;
  #onResubscribe;
  #timeout;
  #signal;
  #onAbort = null;
  #id = null;
  #state = 'subscribing'; // subscribing (request queued or sent), active, away (to subscribe again), ended
  #entry = null;          // the subscribe request waiting for its answer
  #subscribed = false;    // had an id once: the next one is a resubscription
  #items = [];
  #waiters = [];          // next() calls waiting for an item: {resolve, reject}
  #failure = null;        // the error the iteration throws once its items are consumed
  #position;              // item[resume.key] of the last item received
  #hasPosition = false;
  #again = null;          // {attempt, resumed} of the resubscription under way
  #resolveReady;
  #rejectReady;

  /** @internal made by JsonRpcClient.subscribe */
  constructor(link, method, params, options = {}) {
    message(method, params);
    this.#link = link;
    this.#method = method;
    this.#params = params;
    const namespace = method.lastIndexOf('.') > 0 ? method.slice(0, method.lastIndexOf('.') + 1) : '';
    this.#notification = options.notification ?? namespace + 'subscription';
    this.#unsubscribe = options.unsubscribe ?? namespace + 'unsubscribe';
    for (const name of ['notification', 'unsubscribe']) {
      if (typeof (name === 'notification' ? this.#notification : this.#unsubscribe) !== 'string') {
        throw new TypeError(`${name} is a method name, a string`);
      }
    }
    const buffer = options.buffer ?? 1024;
    if (!(Number.isInteger(buffer) && buffer >= 1) && buffer !== Infinity) {
      throw new TypeError(`buffer is a number of items, 1 or more, not ${String(buffer)}`);
    }
    this.#buffer = buffer;
    this.#overflow = options.overflow ?? 'error';
    if (this.#overflow !== 'error' && this.#overflow !== 'drop-oldest') {
      throw new TypeError(`overflow is 'error' or 'drop-oldest', not ${String(this.#overflow)}`);
    }
    const resume = options.resume;
    if (resume !== undefined) {
      if (typeof resume?.param !== 'string' || typeof resume?.key !== 'string') {
        throw new TypeError('resume is {param, key}: the name of the param that takes the position, and the item\'s key');
      }
      if (params === undefined || Array.isArray(params)) {
        throw new TypeError(`resume needs params by name (an object) to set ${resume.param} in`);
      }
    }
    this.#resume = resume;
    if (options.onResubscribe !== undefined && typeof options.onResubscribe !== 'function') {
      throw new TypeError('onResubscribe is a function');
    }
    this.#onResubscribe = options.onResubscribe;
    this.#timeout = options.timeout === undefined ? link.timeout() : checkTimeout('timeout', options.timeout);
    this.ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.ready.catch(() => {}); // the iteration reports the same error: an unread ready is no unhandled rejection
    const signal = options.signal;
    if (signal?.aborted) {
      this.#end(null, abortReason(signal));
      return;
    }
    if (signal) {
      this.#signal = signal;
      this.#onAbort = () => this.#stop(abortReason(signal)).catch(e => this.#link.problem(e));
      signal.addEventListener('abort', this.#onAbort, { once: true });
    }
    link.add(this);
    this.#send(params);
  }

  /** The method subscribed to. */
  get method() {
    return this.#method;
  }

  /** The server's id of the subscription: null until answered and while reconnecting; a new one after each. */
  get id() {
    return this.#id;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  /** The next item; done once the subscription has ended and its items are consumed. */
  next() {
    if (this.#items.length > 0) {
      return Promise.resolve({ value: this.#items.shift(), done: false });
    }
    if (this.#state === 'ended') {
      const failure = this.#failure;
      this.#failure = null;
      return failure ? Promise.reject(failure) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** Ends the iteration and unsubscribes (what leaving a for-await loop does); does not wait for the server. */
  return() {
    this.#stop(null).catch(e => this.#link.problem(e));
    return Promise.resolve({ value: undefined, done: true });
  }

  /** Ends the iteration at once and unsubscribes; see the class. */
  unsubscribe() {
    return this.#stop(null);
  }

  #send(params) {
    this.#state = 'subscribing';
    this.#entry = this.#link.request(this.#method, params, this.#timeout, this);
    const entry = this.#entry;
    entry.promise.catch(e => {
      if (this.#entry === entry) {
        this.#entry = null;
        this.#end(e, e);
      }
    });
  }

  #stop(readyReason) {
    const state = this.#state;
    if (state === 'ended') {
      return Promise.resolve(false);
    }
    const id = this.#id;
    const entry = this.#entry;
    this.#items.length = 0;
    this.#end(null, readyReason ?? abortError('unsubscribed before the server answered'), true);
    if (entry) {
      this.#link.withdraw(entry); // a sent one's answer comes to _answered, which unsubscribes it
    }
    if (state !== 'active') {
      return Promise.resolve(true);
    }
    return this.#ask(id);
  }

  /** Sends the unsubscribe request for `id`; the id keeps its route (items dropped quietly) until it is answered. */
  #ask(id) {
    const unroute = () => this.#link.unroute(this.#notification, id, this);
    const asked = this.#link.call(this.#unsubscribe, [id]);
    asked.then(unroute, unroute);
    return asked.catch(e => {
      if (e instanceof JsonRpcConnectionError) {
        return true; // the connection, and the subscription with it, is gone
      }
      throw e;
    });
  }

  /**
   * Ends: the iteration throws `failure` after the waiting items (done if null); `ready`, if not resolved, rejects
   * with `readyReason`.
   */
  #end(failure, readyReason, keepRoute = false) {
    if (this.#state === 'ended') {
      return;
    }
    this.#state = 'ended';
    this.#link.remove(this);
    if (this.#signal) {
      this.#signal.removeEventListener('abort', this.#onAbort);
    }
    if (!keepRoute && this.#id !== null) {
      this.#link.unroute(this.#notification, this.#id, this);
    }
    if (!this.#subscribed) {
      this.#rejectReady(readyReason ?? failure);
    }
    this.#failure = failure;
    const waiters = this.#waiters.splice(0);
    for (const waiter of waiters) {
      const e = this.#failure;
      this.#failure = null;
      if (e) {
        waiter.reject(e);
      } else {
        waiter.resolve({ value: undefined, done: true });
      }
    }
  }

  /** @internal the answer to a subscribe request, handled as its frame is read. */
  _answered(m, entry) {
    if (this.#entry === entry) {
      this.#entry = null;
    }
    const error = m.error !== undefined && m.error !== null;
    const id = m.result;
    const valid = typeof id === 'string' || typeof id === 'number';
    if (this.#state === 'ended' || this.#entry !== null) {
      if (!error && valid) { // not wanted any more: end it on the server
        this.#link.route(this.#notification, id, this);
        this.#ask(id).catch(() => {});
      }
      return;
    }
    if (error) {
      this.#end(new JsonRpcError(m.error.code, m.error.message, m.error.data));
      return;
    }
    if (!valid) {
      this.#end(new Error(`the server answered ${this.#method} with ${JSON.stringify(id)}, not a subscription id`));
      return;
    }
    this.#link.route(this.#notification, id, this);
    this.#id = id;
    this.#state = 'active';
    const again = this.#subscribed && this.#again;
    this.#subscribed = true;
    this.#again = null;
    if (!again) {
      this.#resolveReady(id);
      return;
    }
    const detail = { attempt: again.attempt, resumed: again.resumed, id };
    if (this.#onResubscribe) {
      try {
        this.#onResubscribe(detail);
      } catch (e) {
        this.#link.problem(new Error(`onResubscribe of ${this.#method} failed: ${e?.message ?? e}`, { cause: e }));
      }
    }
    this.#link.event({ subscription: this, method: this.#method, ...detail });
  }

  /** @internal a notification of this subscription: an item, its completion or its error. */
  _notified(p) {
    if (this.#state !== 'active') {
      return;
    }
    if ('result' in p) {
      this.#item(p.result);
    } else if (p.completed === true) {
      this.#end(null);
    } else if (p.error !== null && typeof p.error === 'object') {
      this.#end(new JsonRpcError(p.error.code, p.error.message, p.error.data));
    }
  }

  #item(item) {
    if (this.#resume) {
      const position = item?.[this.#resume.key];
      if (position !== undefined) {
        this.#position = position;
        this.#hasPosition = true;
      }
    }
    const waiter = this.#waiters.shift();
    if (waiter) {
      waiter.resolve({ value: item, done: false });
      return;
    }
    if (this.#items.length < this.#buffer) {
      this.#items.push(item);
    } else if (this.#overflow === 'drop-oldest') {
      this.#items.shift();
      this.#items.push(item);
    } else {
      const id = this.#id;
      this.#end(new JsonRpcError(SUBSCRIPTION_OVERFLOW,
        `Subscription overflow: more than ${this.#buffer} items waited for the consumer (option buffer)`,
        { buffer: this.#buffer }), null, true);
      this.#ask(id).catch(e => this.#link.problem(e));
    }
  }

  /** @internal the connection closed, and the client reconnects: subscribe again on the next one. */
  _disconnected() {
    this.#id = null;
    if (this.#state === 'active' || (this.#state === 'subscribing' && this.#entry?.sent)) {
      this.#entry = null;
      this.#state = 'away';
    }
  }

  /** @internal a new connection is open (onOpen has run). */
  _reopened(attempt) {
    if (this.#state !== 'away') {
      return;
    }
    let params = this.#params;
    let resumed = false;
    if (this.#resume) {
      if (this.#hasPosition) {
        params = { ...params, [this.#resume.param]: this.#position };
      }
      resumed = this.#resume.param in params;
    }
    this.#again = { attempt, resumed };
    this.#send(params);
  }

  /** @internal the client closed or gave up. */
  _failed(why) {
    this.#entry = null;
    this.#end(new JsonRpcConnectionError(this.#method, why));
  }
}

/**
 * Calls and notifications sent together in one frame. Each call() returns its own Promise at once; the
 * calls' timeouts start then. send() sends the frame (or queues it, as one entry, while the client is not
 * connected) and resolves when every call has settled, with Promise.allSettled's array; it never rejects. When
 * the frame can neither go nor wait (the client is closed, the queue is full), its calls reject with a
 * JsonRpcConnectionError and its notifications are dropped with them. An empty batch sends nothing.
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

/**
 * Connects; resolves with the client once its connection is open (onOpen has run and the 'open' event fired).
 * Rejects with a JsonRpcConnectionError, and closes the client, when it cannot open (without reconnect: at the
 * first failure) or is not open within options.connectTimeout ms (default 30000; 0: no limit), reconnecting
 * or not.
 */
export function connect(url, options = {}) {
  const limit = options.connectTimeout === undefined ? 30000 : checkTimeout('connectTimeout', options.connectTimeout);
  const client = new JsonRpcClient(url, options);
  if (limit === 0) {
    return client.opened();
  }
  let timer;
  const late = new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      const failure = client._failure();
      reject(new JsonRpcConnectionError('connect',
        `${client.url} did not open within ${limit} ms${failure ? ' (last: ' + failure + ')' : ''}`));
      client.close();
    }, limit);
  });
  return Promise.race([client.opened(), late]).finally(() => clearTimeout(timer));
}

/** The reason an aborted signal gives, or an Error named AbortError when it gives none. */
function abortReason(signal) {
  return signal.reason ?? abortError('the operation was aborted');
}

function abortError(text) {
  const e = new Error(text);
  e.name = 'AbortError';
  return e;
}

function checkTimeout(name, timeout) {
  if (typeof timeout !== 'number' || !(timeout === 0 || (timeout > 0 && timeout <= MAX_TIMEOUT))) {
    throw new TypeError(`${name} is 0 (none) or milliseconds from 1 to ${MAX_TIMEOUT}, not ${String(timeout)}`);
  }
  return timeout;
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
