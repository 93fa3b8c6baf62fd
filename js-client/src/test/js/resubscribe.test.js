// Subscriptions across a restart of the server on its port (JavaScriptClientTest's RestartableServer): made again on
// the new connection, with a new id, and resumed after the last item when the subscription says how.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, noRestartableServer, restartableClient, server, stopServerOf, uniqueName } from './support.js';

const fast = { minDelay: 20, maxDelay: 200 };

/** Consumes `sub` in the background into `items`; resolves when the iteration ends. */
function consume(sub, items) {
  return (async () => {
    for await (const item of sub) {
      items.push(item);
    }
  })();
}

test('after a restart a subscription subscribes again by itself, after onOpen; onResubscribe says resumed false',
  { skip: noRestartableServer }, async t => {
    const steps = [];
    const c = restartableClient(t, { reconnect: fast, onOpen: attempt => steps.push(`onOpen ${attempt}`) });
    const events = [];
    c.addEventListener('resubscribe', e => events.push(e.detail));
    const sub = c.subscribe('stream.ticks', [uniqueName('restart')], {
      onResubscribe: detail => steps.push(['resubscribed', detail]),
    });
    const items = [];
    const done = consume(sub, items);
    const first = await sub.ready;
    await eventually(() => items.length >= 3);
    await stopServerOf(c);
    assert.equal(sub.id, null, 'no id while away');
    const count = items.length;
    await server('start');
    await eventually(() => events.length === 1);
    const [, detail] = steps.at(-1);
    assert.equal(detail.resumed, false);
    assert.ok(detail.attempt >= 1, `attempt ${detail.attempt}`);
    assert.equal(typeof detail.id, 'string');
    assert.equal(sub.id, detail.id);
    assert.equal(steps.at(-2), `onOpen ${detail.attempt}`, 'onOpen ran first');
    assert.equal(events[0].subscription, sub);
    assert.deepEqual({ ...events[0], subscription: undefined },
      { subscription: undefined, method: 'stream.ticks', id: detail.id, attempt: detail.attempt, resumed: false });
    await eventually(() => items.length >= count + 3);
    assert.deepEqual(items.slice(count, count + 3), [0, 1, 2], 'the new publisher starts again');
    assert.equal(typeof first, 'string');
    assert.equal(await sub.unsubscribe(), true);
    await done;
  });

test('with resume, the subscription goes on after the last item it received: no gap, no duplicate, resumed true',
  { skip: noRestartableServer }, async t => {
    const c = restartableClient(t, { reconnect: fast });
    const resubscribed = [];
    const topic = uniqueName('log');
    const sub = c.subscribe('stream.log', { topic, after: 0 }, {
      resume: { param: 'after', key: 'seq' },
      onResubscribe: detail => resubscribed.push(detail),
    });
    const items = [];
    const done = consume(sub, items);
    await eventually(() => items.length >= 5);
    await stopServerOf(c);
    const before = items.length;
    await new Promise(resolve => setTimeout(resolve, 100));
    await server('start');
    await eventually(() => resubscribed.length === 1 && items.length >= before + 5);
    assert.equal(resubscribed[0].resumed, true);
    await sub.unsubscribe();
    await done;
    assert.ok(items.length >= before + 5);
    assert.deepEqual(items.map(e => e.seq), items.map((_, i) => i + 1), 'every seq once, in order');
    assert.deepEqual(items[0], { seq: 1, text: `${topic} #1` });
  });

test('a subscription whose connection is lost without reconnect throws a JsonRpcConnectionError',
  { skip: noRestartableServer }, async t => {
    const c = restartableClient(t);
    const sub = c.subscribe('stream.ticks', [uniqueName('lost')]);
    const items = [];
    const done = consume(sub, items);
    const failed = assert.rejects(done, { name: 'JsonRpcConnectionError', message: /^stream\.ticks: the connection closed/ });
    await eventually(() => items.length >= 1);
    await server('stop');
    await failed;
  });
