// The client against a scripted WebSocket: what a real server rarely does on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonRpcClient } from '../../main/resources/META-INF/resources/jsonrpcws.js';

/** A WebSocket whose server side the test plays. */
class FakeWebSocket extends EventTarget {
  static instances = [];
  readyState = 0;
  sent = [];

  constructor(url, protocols) {
    super();
    this.url = url;
    this.protocols = protocols;
    this.createdAt = Date.now();
    FakeWebSocket.instances.push(this);
  }

  send(data) {
    if (this.readyState !== 1) {
      throw new Error('not open');
    }
    this.sent.push(JSON.parse(data));
  }

  close(code = 1005, reason = '') {
    this.serverClose(code, reason);
  }

  serverOpen() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }

  serverSend(message) {
    this.dispatchEvent(Object.assign(new Event('message'), { data: JSON.stringify(message) }));
  }

  serverClose(code, reason = '') {
    if (this.readyState !== 3) {
      this.readyState = 3;
      this.closedAt = Date.now();
      this.dispatchEvent(Object.assign(new Event('close'), { code, reason }));
    }
  }
}

function fakeClient(t, options = {}) {
  FakeWebSocket.instances = [];
  const c = new JsonRpcClient('ws://fake/jsonrpc', { WebSocket: FakeWebSocket, ...options });
  t.after(() => c.close());
  return c;
}

const socket = (n = 0) => FakeWebSocket.instances[n];
const tick = () => new Promise(resolve => setTimeout(resolve, 0));

test('handler results answer requests; notifications get no answer', async t => {
  const c = fakeClient(t);
  const seen = [];
  c.on('sum', (a, b) => a + b);
  c.on('greet', ({ name }) => Promise.resolve(`hi ${name}`));
  c.on('nothing', () => undefined);
  c.on('note', (...params) => { seen.push(params); });
  socket().serverOpen();
  socket().serverSend({ jsonrpc: '2.0', method: 'sum', params: [1, 2], id: 'a' });
  socket().serverSend({ jsonrpc: '2.0', method: 'greet', params: { name: 'Ann' }, id: 2 });
  socket().serverSend({ jsonrpc: '2.0', method: 'nothing', id: 3 });
  socket().serverSend({ jsonrpc: '2.0', method: 'note', params: ['x'] });
  await tick();
  assert.deepEqual(byId(socket().sent), [
    { jsonrpc: '2.0', result: 'hi Ann', id: 2 },
    { jsonrpc: '2.0', result: null, id: 3 },
    { jsonrpc: '2.0', result: 3, id: 'a' },
  ]);
  assert.deepEqual(seen, [['x']]);
});

test('thrown errors answer -32000 or their own code and data; unknown methods -32601', async t => {
  const c = fakeClient(t);
  c.on('plain', () => { throw new Error('boom'); });
  c.on('coded', async () => { throw Object.assign(new Error('nope'), { code: 4001, data: { why: 'because' } }); });
  socket().serverOpen();
  socket().serverSend({ jsonrpc: '2.0', method: 'plain', id: 1 });
  socket().serverSend({ jsonrpc: '2.0', method: 'coded', id: 2 });
  socket().serverSend({ jsonrpc: '2.0', method: 'missing', id: 3 });
  socket().serverSend({ jsonrpc: '2.0', method: 'missing too' });
  await tick();
  assert.deepEqual(byId(socket().sent), [
    { jsonrpc: '2.0', error: { code: -32000, message: 'boom' }, id: 1 },
    { jsonrpc: '2.0', error: { code: 4001, message: 'nope', data: { why: 'because' } }, id: 2 },
    { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found: missing' }, id: 3 },
  ]);
});

test('a batch of requests is answered by one batch; 1.0 requests in 1.0 form', async t => {
  const c = fakeClient(t);
  c.on('twice', x => 2 * x);
  socket().serverOpen();
  socket().serverSend([
    { jsonrpc: '2.0', method: 'twice', params: [1], id: 1 },
    { jsonrpc: '2.0', method: 'twice', params: [2] },
    { jsonrpc: '2.0', method: 'twice', params: [3], id: 3 },
  ]);
  socket().serverSend({ method: 'twice', params: [4], id: 4 });
  socket().serverSend({ method: 'twice', params: [5], id: null });
  await tick();
  // answers go out as their handlers finish, in any order
  assert.deepEqual(byId(socket().sent), [
    [{ jsonrpc: '2.0', result: 2, id: 1 }, { jsonrpc: '2.0', result: 6, id: 3 }],
    { result: 8, error: null, id: 4 },
  ]);
});

test('a frame that is not JSON is reported as an error event', async t => {
  const c = fakeClient(t);
  const problems = [];
  c.addEventListener('error', e => problems.push(e.detail.message));
  socket().serverOpen();
  socket().dispatchEvent(Object.assign(new Event('message'), { data: '{oops' }));
  socket().serverSend({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null });
  assert.equal(problems.length, 2);
  assert.match(problems[0], /not JSON/);
  assert.equal(problems[1], 'Parse error');
});

test('calls wait for the connection; timed-out ones are not sent', async t => {
  const c = fakeClient(t);
  const late = c.call('late', [], { timeout: 10 });
  const waiting = c.call('waiting', ['x']);
  await assert.rejects(late, { name: 'JsonRpcTimeoutError' });
  socket().serverOpen();
  assert.deepEqual(socket().sent, [{ jsonrpc: '2.0', method: 'waiting', params: ['x'], id: 2 }]);
  socket().serverSend({ jsonrpc: '2.0', result: 'ok', id: 2 });
  assert.equal(await waiting, 'ok');
  socket().serverSend({ jsonrpc: '2.0', result: 'too late', id: 1 }); // ignored
});

test('reconnect: backoff doubles up to maxDelay, sent calls reject, waiting calls go on the new connection', async t => {
  const c = fakeClient(t, { reconnect: { retries: 3, minDelay: 20, maxDelay: 50 } });
  const events = [];
  c.addEventListener('open', () => events.push(['open', Date.now()]));
  c.addEventListener('close', e => events.push(['close', Date.now(), e.detail.code, e.detail.willReconnect]));
  socket(0).serverOpen();
  const sent = c.call('first');
  socket(0).serverClose(1006);
  await assert.rejects(sent, { name: 'JsonRpcConnectionError', method: 'first' });
  const waiting = c.call('second');

  await until(() => socket(1));
  socket(1).serverClose(1006); // attempt 1 fails
  await until(() => socket(2));
  socket(2).serverClose(1006); // attempt 2 fails
  await until(() => socket(3));
  socket(3).serverOpen();      // attempt 3 opens
  assert.deepEqual(socket(3).sent, [{ jsonrpc: '2.0', method: 'second', id: 2 }]);
  socket(3).serverSend({ jsonrpc: '2.0', result: 2, id: 2 });
  assert.equal(await waiting, 2);

  const closes = events.filter(e => e[0] === 'close');
  assert.deepEqual(closes.map(e => e[3]), [true, true, true]);
  const delays = [1, 2, 3].map(i => FakeWebSocket.instances[i].createdAt - FakeWebSocket.instances[i - 1].closedAt);
  assert.ok(delays[0] >= 15 && delays[1] >= 35 && delays[2] >= 45, `delays ${delays}`);

  // the counter restarts after a successful open: three more failures are allowed, then it gives up
  const closed = new Promise(resolve => c.addEventListener('close', e => !e.detail.willReconnect && resolve(e.detail)));
  socket(3).serverClose(1001);
  for (const n of [4, 5, 6]) {
    await until(() => socket(n));
    socket(n).serverClose(1006);
  }
  assert.deepEqual(await closed, { code: 1006, reason: '', willReconnect: false, attempt: 3 });
  assert.equal(FakeWebSocket.instances.length, 7);
  await assert.rejects(c.call('after'), { name: 'JsonRpcConnectionError' });
});

test('close() during a reconnect delay stops reconnecting', async t => {
  const c = fakeClient(t, { reconnect: { minDelay: 30 } });
  socket(0).serverOpen();
  const waiting = c.call('x');
  socket(0).serverClose(1006);
  await assert.rejects(waiting, { name: 'JsonRpcConnectionError' });
  await c.close();
  await new Promise(resolve => setTimeout(resolve, 60));
  assert.equal(FakeWebSocket.instances.length, 1);
});

test('without a WebSocket implementation the constructor says what to pass', () => {
  const saved = globalThis.WebSocket;
  try {
    delete globalThis.WebSocket;
    assert.throws(() => new JsonRpcClient('ws://x'), { name: 'TypeError', message: /options\.WebSocket/ });
  } finally {
    if (saved) {
      globalThis.WebSocket = saved;
    }
  }
});

/** Frames sorted by the id of their (first) message. */
function byId(frames) {
  const id = frame => (Array.isArray(frame) ? frame[0] : frame).id;
  return [...frames].sort((a, b) => String(id(a)).localeCompare(String(id(b))));
}

async function until(condition) {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  assert.ok(condition(), 'timed out waiting');
}

test('a bearer token is offered as a subprotocol beside jsonrpc, asked again at each connection', async t => {
  let n = 0;
  const c = fakeClient(t, { token: () => `tok${++n}`, reconnect: { minDelay: 1, maxDelay: 1 } });
  const first = FakeWebSocket.instances[0];
  assert.deepEqual(first.protocols, ['jsonrpc', 'jsonrpcws.bearer.tok1']);
  first.serverOpen();
  first.serverClose(1006);
  await new Promise(resolve => setTimeout(resolve, 50));
  assert.deepEqual(FakeWebSocket.instances[1].protocols, ['jsonrpc', 'jsonrpcws.bearer.tok2']);
  c.close();
});

test('without a token only the given subprotocols are offered', t => {
  fakeClient(t, { protocols: 'chat' });
  assert.deepEqual(FakeWebSocket.instances[0].protocols, ['chat']);
  fakeClient(t);
  assert.equal(FakeWebSocket.instances[0].protocols, undefined);
});

test('items in the frames right after a subscribe answer, in the same task, reach the subscription', async t => {
  const c = fakeClient(t);
  const sub = c.subscribe('feed.watch', ['ACME']);
  socket().serverOpen();
  await tick();
  const request = socket().sent[0];
  assert.deepEqual(request, { jsonrpc: '2.0', method: 'feed.watch', params: ['ACME'], id: request.id });
  socket().serverSend({ jsonrpc: '2.0', result: 's1', id: request.id });
  for (const price of [1, 2]) {
    socket().serverSend({ jsonrpc: '2.0', method: 'feed.subscription', params: { subscription: 's1', result: price } });
  }
  socket().serverSend({ jsonrpc: '2.0', method: 'feed.subscription', params: { subscription: 's1', completed: true } });
  const items = [];
  for await (const item of sub) {
    items.push(item);
  }
  assert.deepEqual(items, [1, 2]);
  assert.equal(await sub.ready, 's1');
});

test('a subscribe that times out unsubscribes its late answer; a subscribe aborted while queued is never sent', async t => {
  const c = fakeClient(t);
  const controller = new AbortController();
  const aborted = c.subscribe('feed.watch', ['X'], { signal: controller.signal });
  controller.abort();
  const late = c.subscribe('feed.watch', ['ACME'], { timeout: 20, unsubscribe: 'feed.stop' });
  socket().serverOpen();
  await tick();
  assert.deepEqual(socket().sent.map(m => m.params), [['ACME']]);
  await assert.rejects(late.next(), { name: 'JsonRpcTimeoutError' });
  await assert.rejects(aborted.ready, { name: 'AbortError' });
  const errors = [];
  c.addEventListener('error', e => errors.push(e.detail));
  socket().serverSend({ jsonrpc: '2.0', result: 's9', id: socket().sent[0].id });
  socket().serverSend({ jsonrpc: '2.0', method: 'feed.subscription', params: { subscription: 's9', result: 1 } });
  await tick();
  assert.deepEqual(socket().sent[1], { jsonrpc: '2.0', method: 'feed.stop', params: ['s9'], id: socket().sent[1].id });
  assert.deepEqual(errors, [], 'items until the unsubscribe is answered are dropped quietly');
});

test('a subscribe whose connection closed before its answer is sent again on the next one, as a first subscribe', async t => {
  const c = fakeClient(t, { reconnect: { minDelay: 5, maxDelay: 5 } });
  const resubscribed = [];
  const sub = c.subscribe('feed.watch', { symbol: 'ACME' }, {
    resume: { param: 'after', key: 'seq' }, onResubscribe: d => resubscribed.push(d),
  });
  socket().serverOpen();
  await tick();
  socket().serverClose(1006);
  while (!socket(1)) {
    await tick();
  }
  socket(1).serverOpen();
  await tick();
  const again = socket(1).sent[0];
  assert.deepEqual(again.params, { symbol: 'ACME' });
  socket(1).serverSend({ jsonrpc: '2.0', result: 'a', id: again.id });
  assert.equal(await sub.ready, 'a');
  socket(1).serverSend({ jsonrpc: '2.0', method: 'feed.subscription', params: { subscription: 'a', result: { seq: 7 } } });
  assert.deepEqual((await sub.next()).value, { seq: 7 });
  socket(1).serverClose(1006);
  while (!socket(2)) {
    await tick();
  }
  socket(2).serverOpen();
  await tick();
  const resumed = socket(2).sent[0];
  assert.deepEqual(resumed.params, { symbol: 'ACME', after: 7 });
  socket(2).serverSend({ jsonrpc: '2.0', result: 'b', id: resumed.id });
  assert.deepEqual(resubscribed, [{ attempt: 2, resumed: true, id: 'b' }]);
  assert.equal(sub.id, 'b');
});

test('drop-oldest keeps the newest items; overflow error ends after the waiting ones and unsubscribes', async t => {
  const c = fakeClient(t);
  const dropping = c.subscribe('feed.watch', ['A'], { buffer: 2, overflow: 'drop-oldest' });
  const failing = c.subscribe('feed.watch', ['B'], { buffer: 2 });
  socket().serverOpen();
  await tick();
  const [a, b] = socket().sent;
  socket().serverSend([{ jsonrpc: '2.0', result: 'a', id: a.id }, { jsonrpc: '2.0', result: 'b', id: b.id }]);
  for (const n of [1, 2, 3, 4]) {
    for (const id of ['a', 'b']) {
      socket().serverSend({ jsonrpc: '2.0', method: 'feed.subscription', params: { subscription: id, result: n } });
    }
  }
  socket().serverSend({ jsonrpc: '2.0', method: 'feed.subscription', params: { subscription: 'a', completed: true } });
  const kept = [];
  for await (const n of dropping) {
    kept.push(n);
  }
  assert.deepEqual(kept, [3, 4]);
  const got = [];
  await assert.rejects(async () => {
    for await (const n of failing) {
      got.push(n);
    }
  }, { name: 'JsonRpcError', code: -32014, data: { buffer: 2 } });
  assert.deepEqual(got, [1, 2]);
  assert.deepEqual(socket().sent.slice(2).map(m => [m.method, m.params]), [['feed.unsubscribe', ['b']]]);
});
