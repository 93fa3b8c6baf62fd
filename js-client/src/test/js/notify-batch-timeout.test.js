import { test } from 'node:test';
import assert from 'node:assert/strict';
import { client, nextNotification, noServer, uniqueName } from './support.js';

test('a notification reaches the server', { skip: noServer }, async t => {
  const watcher = client(t);
  await watcher.call('chat.join', [uniqueName('watcher')]);
  const name = uniqueName('notifier');
  const joined = nextNotification(watcher, 'chat.message', m => m.text === `${name} joined` && m);
  client(t).notify('chat.join', [name]);
  assert.equal((await joined).from, '*');
});

test('a batch goes in one frame and settles one promise per call', { skip: noServer }, async t => {
  const frames = [];
  class CountingWebSocket extends WebSocket {
    send(data) {
      frames.push(data);
      super.send(data);
    }
  }
  const c = client(t, { WebSocket: CountingWebSocket });
  const batch = c.batch();
  const sum = batch.call('calc.add', [1, 2]);
  const quotient = batch.call('calc.divide', [1, 0]);
  batch.notify('calc.add', [5, 5]);
  const product = batch.call('calc.multiply', { a: 3, b: 4 });
  const settled = await batch.send();

  assert.equal(frames.length, 1);
  assert.equal(JSON.parse(frames[0]).length, 4);
  assert.equal(await sum, 3);
  await assert.rejects(quotient, { code: 1, message: 'division by zero' });
  assert.equal(await product, 12);
  assert.deepEqual(settled.map(s => s.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.throws(() => batch.call('calc.add', [1, 1]), /sent already/);
});

test('an empty batch sends nothing', { skip: noServer }, async t => {
  assert.deepEqual(await client(t).batch().send(), []);
});

test('a call without an answer in time rejects with a timeout error', { skip: noServer }, async t => {
  // chat.ask waits for every member's answer; this member never answers
  const c = client(t);
  await c.call('chat.join', [uniqueName('silent')]);
  c.on('chat.question', () => new Promise(() => {}));
  const started = Date.now();
  await assert.rejects(c.call('chat.ask', ['anyone?'], { timeout: 300 }),
    { name: 'JsonRpcTimeoutError', method: 'chat.ask', timeout: 300 });
  assert.ok(Date.now() - started < 3000);
  assert.equal(await c.call('calc.add', [1, 1]), 2, 'a timeout leaves the connection open');
});

test("the client's default timeout applies to calls without their own", { skip: noServer }, async t => {
  const c = client(t, { timeout: 200 });
  // the join has its own, generous timeout: only the call under test may run out, however busy the machine
  await c.call('chat.join', [uniqueName('silent')], { timeout: 30000 });
  c.on('chat.question', () => new Promise(() => {}));
  await assert.rejects(c.call('chat.ask', ['anyone?']), { name: 'JsonRpcTimeoutError', timeout: 200 });
});
