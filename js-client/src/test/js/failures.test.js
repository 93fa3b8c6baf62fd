// What the client says and does when something fails: connections that cannot open, timeouts out of range,
// late answers, handlers of notifications that throw, names of events given to on().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { connect, JsonRpcClient } from '../../main/resources/META-INF/resources/jsonrpcws.js';
import { client, nextEvent, noServer, refusedUrl, url } from './support.js';

test('a refused port and an HTTP error say which URL could not open, before open', { skip: noServer }, async () => {
  const refused = await refusedUrl();
  // Node's (and a browser's) WebSocket does not tell a refused port from a refused handshake; 'ws' does
  // (npm-package/ws.test.mjs)
  await assert.rejects(connect(refused),
    { name: 'JsonRpcConnectionError', message: new RegExp(`^connect: could not open ${refused} \\(closed 1006 before open`) });
  const missing = url.replace(/\/jsonrpc$/, '/no-such-endpoint');
  await assert.rejects(connect(missing),
    { name: 'JsonRpcConnectionError', message: new RegExp(`^connect: could not open ${missing} \\(closed 1006 before open`) });
});

test('connect() rejects after connectTimeout when the handshake never ends, and closes the client', async t => {
  const held = [];
  const silent = createServer(socket => held.push(socket)); // accepts, never answers
  await new Promise(resolve => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => { held.forEach(s => s.destroy()); silent.close(); });
  const at = `ws://127.0.0.1:${silent.address().port}/jsonrpc`;
  await assert.rejects(connect(at, { connectTimeout: 200 }),
    { name: 'JsonRpcConnectionError', message: `connect: ${at} did not open within 200 ms` });
});

test('connect() with reconnect rejects after connectTimeout while the server is down', async () => {
  const refused = await refusedUrl();
  const started = Date.now();
  await assert.rejects(connect(refused, { reconnect: { minDelay: 10, maxDelay: 20 }, connectTimeout: 300 }),
    { name: 'JsonRpcConnectionError', message: /did not open within 300 ms \(last: could not open ws:/ });
  assert.ok(Date.now() - started < 10000);
});

test('timeouts out of range are TypeErrors where they are given', { skip: noServer }, async t => {
  for (const timeout of [2 ** 31, -1, NaN, Infinity, '100']) {
    assert.throws(() => new JsonRpcClient(url, { timeout }), { name: 'TypeError', message: /^timeout is 0 \(none\) or milliseconds/ });
  }
  const c = client(t);
  assert.throws(() => c.call('calc.add', [1, 2], { timeout: 2 ** 31 }), { name: 'TypeError' });
  assert.throws(() => c.batch({ timeout: -5 }), { name: 'TypeError' });
  assert.throws(() => connect(url, { connectTimeout: 2 ** 31 }), { name: 'TypeError', message: /^connectTimeout/ });
  assert.equal(await c.call('calc.add', [1, 2], { timeout: 2 ** 31 - 1 }), 3, 'the largest timeout does not fire at once');
});

test('late answers are dropped, results and errors alike, without an event', { skip: noServer }, async t => {
  const responses = new Map(); // id -> the server's response, as it arrives
  const waiting = new Map();   // id -> resolve
  class WatchedWebSocket extends WebSocket {
    constructor(...args) {
      super(...args);
      // registered before the client's own listener: it sees each frame first
      this.addEventListener('message', e => {
        const m = JSON.parse(e.data);
        if (m.method === undefined) {
          responses.set(m.id, m);
          waiting.get(m.id)?.();
        }
      });
    }
  }
  const arrived = id => new Promise(resolve => {
    // once the client's listener has run too
    waiting.set(id, () => setImmediate(resolve));
    if (responses.has(id)) {
      setImmediate(resolve);
    }
  });
  const c = client(t, { WebSocket: WatchedWebSocket });
  const problems = [];
  c.addEventListener('error', e => problems.push(e.detail));
  // feed.ask answers with what this client answers to its feed.question: late, when the test says so
  const answers = [];
  c.on('feed.question', () => new Promise((resolve, reject) => answers.push({ resolve, reject })));

  await assert.rejects(c.call('feed.ask', ['late result?'], { timeout: 100 }), { name: 'JsonRpcTimeoutError' });
  await assert.rejects(c.call('feed.ask', ['late error?'], { timeout: 100 }), { name: 'JsonRpcTimeoutError' });
  answers[0].resolve('here it is');
  answers[1].reject(Object.assign(new Error('too late'), { code: 7 }));
  await Promise.all([arrived(1), arrived(2)]);
  assert.equal(responses.get(1).result, 'here it is');
  assert.ok(responses.get(2).error, JSON.stringify(responses.get(2)));
  assert.deepEqual(problems, []);
  assert.equal(await c.call('calc.add', [1, 2]), 3);
});

test("a notification's handler that throws is reported as an error event", { skip: noServer }, async t => {
  const c = client(t);
  c.on('feed.update', () => { throw new Error('cannot take it'); });
  const problem = nextEvent(c, 'error');
  await c.call('feed.subscribe', { topic: 'news' });
  const error = await problem;
  assert.equal(error.message, 'the handler of the notification feed.update failed: cannot take it');
  assert.equal(error.cause.message, 'cannot take it');
});

test('on() refuses the names of the connection events', { skip: noServer }, t => {
  const c = client(t);
  for (const name of ['open', 'close', 'error']) {
    assert.throws(() => c.on(name, () => {}), { name: 'TypeError', message: new RegExp(`use addEventListener\\('${name}'`) });
  }
});
