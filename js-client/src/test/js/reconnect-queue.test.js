// Calls while the client is away: queued up to a bound, sent after onOpen once it is back, rejected when it gives up.
// The restartable server is stopped and started again on the same port (JavaScriptClientTest's RestartableServer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { client, nextEvent, nextNotification, noRestartableServer, noServer, restartableClient, server, uniqueName }
  from './support.js';

const fast = { minDelay: 20, maxDelay: 200 };

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
    const failedTwice = nextEvent(c, 'close', d => d.attempt === 2);
    await server('stop');
    // the server closes with 1001, or the socket drops (1006) first
    const { willReconnect, attempt } = await lost;
    assert.deepEqual({ willReconnect, attempt }, { willReconnect: true, attempt: 0 });
    const whoami = c.call('chat.whoami').then(me => { steps.push('whoami'); return me; });
    const back = nextNotification(c, 'chat.message', m => m.from === name && m.text === 'back again' && m);
    c.notify('chat.say', ['back again']);
    const batch = c.batch();
    const batched = batch.call('calc.add', [2, 3]);
    batch.notify('calc.add', [0, 0]);
    const settled = batch.send(); // queued as one entry
    await failedTwice; // two reconnect attempts failed while the server was down
    await server('start');

    assert.equal(await whoami, name, 'the queued call was sent after onOpen had joined');
    assert.equal((await back).text, 'back again', 'the queued notification was sent after onOpen had joined');
    assert.equal(await batched, 5);
    assert.deepEqual((await settled).map(r => r.status), ['fulfilled']);
    assert.deepEqual(steps, ['onOpen 0', 'joined 0', 'onOpen 1', 'joined 1', 'whoami']);
    assert.deepEqual(opens, [0, 1]);
  });

test('every failed reconnect attempt fires close with its number', { skip: noRestartableServer }, async t => {
  const c = restartableClient(t, { reconnect: { retries: 3, minDelay: 10, maxDelay: 40 } });
  await c.opened();
  const closes = [];
  const gaveUp = new Promise(resolve => c.addEventListener('close', e => {
    closes.push([e.detail.attempt, e.detail.willReconnect]);
    if (!e.detail.willReconnect) {
      resolve();
    }
  }));
  await server('stop');
  await gaveUp;
  assert.deepEqual(closes, [[0, true], [1, true], [2, true], [3, false]]);
});

test('the queue is bounded: beyond it a call rejects and notify throws; giving up rejects the queued calls',
  { skip: noRestartableServer }, async t => {
    const c = restartableClient(t, { queue: 2, reconnect: { retries: 2, minDelay: 20, maxDelay: 20 } });
    await c.opened();
    const lost = nextEvent(c, 'close');
    const stopped = server('stop');
    await lost; // the first reconnect attempt is 20 ms away: the calls below are queued before it
    const queued = [c.call('calc.add', [1, 2]), c.call('calc.add', [3, 4])];
    queued.forEach(p => p.catch(() => {}));
    await assert.rejects(c.call('calc.add', [5, 6]), { name: 'JsonRpcConnectionError', message: /queue is full/ });
    assert.throws(() => c.notify('calc.add', [5, 6]), { name: 'JsonRpcConnectionError', message: /queue is full/ });
    const batch = c.batch();
    const batched = batch.call('calc.add', [7, 8]);
    batch.notify('calc.add', [7, 8]);
    assert.deepEqual((await batch.send()).map(r => r.status), ['rejected']);
    await assert.rejects(batched, { name: 'JsonRpcConnectionError', message: /queue is full/ });
    for (const call of queued) {
      await assert.rejects(call,
        { name: 'JsonRpcConnectionError', message: /^calc\.add: gave up after 2 reconnect attempts: could not open ws:/ });
    }
    await assert.rejects(c.call('calc.add', [1, 1]), { name: 'JsonRpcConnectionError', message: /gave up/ });
    await stopped;
  });

test('close() rejects the queued calls and sends nothing', { skip: noRestartableServer }, async t => {
  const c = restartableClient(t, { reconnect: fast });
  await c.opened();
  const lost = nextEvent(c, 'close');
  await server('stop');
  await lost;
  const queued = c.call('calc.add', [1, 2]);
  c.notify('calc.add', [1, 2]);
  await c.close();
  await assert.rejects(queued, { name: 'JsonRpcConnectionError', message: 'calc.add: the client was closed' });
  assert.throws(() => c.notify('calc.add', [1, 2]), { name: 'JsonRpcConnectionError', message: 'calc.add: the client was closed' });
});

test('with queue 0 a call while away rejects at once', { skip: noRestartableServer }, async t => {
  const c = restartableClient(t, { queue: 0, reconnect: fast });
  await c.opened();
  const lost = nextEvent(c, 'close');
  await server('stop');
  await lost;
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
  const lost = nextEvent(c, 'close');
  await server('stop');
  await lost;
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
