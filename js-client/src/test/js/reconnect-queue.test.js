// Calls while the client is away: queued up to a bound, sent after onOpen once it is back, rejected when it gives up.
// The restartable server is stopped and started again on the same port (JavaScriptClientTest's RestartableServer);
// a port on which nothing listens stands for a server that never comes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonRpcClient } from '../../main/resources/META-INF/resources/jsonrpcws.js';
import {
  client, nextEvent, nextNotification, noRestartableServer, noServer, refusedUrl, restartableClient, server, stopServerOf, uniqueName,
} from './support.js';

const fast = { minDelay: 20, maxDelay: 200 };

/** A client of a port on which nothing listens, closed after the test. */
async function refusedClient(t, options) {
  const c = new JsonRpcClient(await refusedUrl(), options);
  t.after(() => c.close());
  return c;
}

test('calls and notifications made while the server is down are sent once it is back, after onOpen',
  { skip: noRestartableServer }, async t => {
    const name = uniqueName('rejoin');
    const steps = [];
    const c = restartableClient(t, {
      reconnect: fast,
      // the chat membership lives in the connection: set it up again on every open
      onOpen: async attempt => {
        steps.push(`onOpen ${attempt}`);
        await c.call('chat.join', [name]); // goes out at once, ahead of the queue
        steps.push(`joined ${attempt}`);
      },
    });
    const opens = [];
    c.addEventListener('open', e => opens.push(e.detail.attempt));
    await c.opened();

    const lost = nextEvent(c, 'close');
    await stopServerOf(c);
    // the server closes with 1001, or the socket drops (1006) first
    const { willReconnect, attempt } = await lost;
    assert.deepEqual({ willReconnect, attempt }, { willReconnect: true, attempt: 0 });
    const failedTwice = nextEvent(c, 'close', d => d.attempt >= 2);
    const whoami = c.call('chat.whoami').then(me => { steps.push('whoami'); return me; });
    const back = nextNotification(c, 'chat.message', m => m.from === name && m.text === 'back again' && m);
    c.notify('chat.say', ['back again']);
    const batch = c.batch();
    const batched = batch.call('calc.add', [2, 3]);
    batch.notify('calc.add', [0, 0]);
    const settled = batch.send(); // queued as one entry
    await failedTwice; // two reconnect attempts in a row failed while the server was down
    await server('start');

    assert.equal(await whoami, name, 'the queued call was sent after onOpen had joined');
    assert.equal((await back).text, 'back again', 'the queued notification was sent after onOpen had joined');
    assert.equal(await batched, 5);
    assert.deepEqual((await settled).map(r => r.status), ['fulfilled']);
    const last = opens.at(-1);
    assert.ok(last >= 1, `opens ${opens}`);
    assert.deepEqual(opens, opens.map((_, i) => i), 'attempts count the opens');
    assert.deepEqual(steps.slice(0, 2), ['onOpen 0', 'joined 0']);
    assert.deepEqual(steps.slice(-3), [`onOpen ${last}`, `joined ${last}`, 'whoami']);
  });

test('every failed reconnect attempt fires close with its number', async t => {
  const c = await refusedClient(t, { reconnect: { retries: 3, minDelay: 10, maxDelay: 40 } });
  const closes = [];
  await new Promise(resolve => c.addEventListener('close', e => {
    closes.push([e.detail.code, e.detail.willReconnect, e.detail.attempt]);
    if (!e.detail.willReconnect) {
      resolve();
    }
  }));
  assert.deepEqual(closes, [[1006, true, 0], [1006, true, 1], [1006, true, 2], [1006, false, 3]]);
});

test('the queue is bounded: beyond it a call rejects and notify throws; giving up rejects the queued calls', async t => {
  const c = await refusedClient(t, { queue: 2, reconnect: { retries: 2, minDelay: 10, maxDelay: 10 } });
  const queued = [c.call('calc.add', [1, 2]), c.call('calc.add', [3, 4])];
  queued.forEach(p => p.catch(() => {}));
  await assert.rejects(c.call('calc.add', [5, 6]), { name: 'JsonRpcConnectionError', message: /queue is full \(2 waiting/ });
  assert.throws(() => c.notify('calc.add', [5, 6]), { name: 'JsonRpcConnectionError', message: /queue is full/ });
  const batch = c.batch();
  const batched = batch.call('calc.add', [7, 8]);
  batch.notify('calc.add', [7, 8]);
  assert.deepEqual((await batch.send()).map(r => r.status), ['rejected']);
  await assert.rejects(batched, { name: 'JsonRpcConnectionError', message: /queue is full/ });
  for (const call of queued) {
    await assert.rejects(call, {
      name: 'JsonRpcConnectionError',
      message: new RegExp(`^calc\\.add: gave up after 2 reconnect attempts: could not open ${c.url} \\(closed 1006 before open`),
    });
  }
  await assert.rejects(c.call('calc.add', [1, 1]), { name: 'JsonRpcConnectionError', message: /gave up/ });
  assert.throws(() => c.notify('calc.add', [1, 1]), { name: 'JsonRpcConnectionError', message: /gave up/ });
});

test('close() rejects the queued calls', async t => {
  const c = await refusedClient(t, { reconnect: fast });
  const queued = assert.rejects(c.call('calc.add', [1, 2]),
    { name: 'JsonRpcConnectionError', message: 'calc.add: the client was closed' });
  c.notify('calc.add', [1, 2]);
  await c.close();
  await queued;
  assert.throws(() => c.notify('calc.add', [1, 2]), { name: 'JsonRpcConnectionError', message: 'calc.add: the client was closed' });
});

test('with queue 0 a call while away rejects at once', async t => {
  const c = await refusedClient(t, { queue: 0, reconnect: fast });
  await assert.rejects(c.call('calc.add', [1, 2]), { name: 'JsonRpcConnectionError', message: /queue is full \(0 waiting/ });
});

test('without reconnect, calls after the connection is lost reject at once', { skip: noRestartableServer }, async t => {
  const c = restartableClient(t);
  await c.opened();
  const lost = nextEvent(c, 'close');
  await server('stop');
  assert.equal((await lost).willReconnect, false);
  await assert.rejects(c.call('calc.add', [1, 2]), { name: 'JsonRpcConnectionError', message: /^calc\.add: the connection closed \(100[16]/ });
  assert.throws(() => c.notify('calc.add', [1, 2]), { name: 'JsonRpcConnectionError', message: /the connection closed \(100[16]/ });
});

test('a queued call times out counting from when it was made, and frees its place', { skip: noRestartableServer }, async t => {
  const c = restartableClient(t, { queue: 1, reconnect: fast });
  await c.opened();
  await stopServerOf(c);
  await assert.rejects(c.call('calc.add', [1, 2], { timeout: 50 }), { name: 'JsonRpcTimeoutError', timeout: 50 });
  const next = c.call('calc.add', [2, 2]); // the timed-out call's place is free again
  await server('start');
  assert.equal(await next, 4);
});

test('what onOpen throws is an error event, and the queue is sent all the same', { skip: noServer }, async t => {
  const c = client(t, { onOpen: () => { throw new Error('cannot set up'); } });
  const problem = nextEvent(c, 'error');
  const sum = c.call('calc.add', [1, 2]);
  const error = await problem;
  assert.equal(error.message, 'onOpen(0) failed: cannot set up');
  assert.equal(error.cause.message, 'cannot set up');
  assert.equal(await sum, 3);
});
