// Subscriptions over real sockets against the Streams service: items in order then the end, an error end, leaving
// the loop unsubscribes, refusal by the server's limit, and the client's own buffer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonRpcSubscription, SUBSCRIPTION_OVERFLOW, TOO_MANY_SUBSCRIPTIONS } from '../../main/resources/META-INF/resources/jsonrpcws.js';
import { client, eventually, limitedUrl, noLimitedServer, noServer, uniqueName } from './support.js';

async function take(sub, n) {
  const items = [];
  for await (const item of sub) {
    items.push(item);
    if (items.length === n) {
      break;
    }
  }
  return items;
}

test('items come in order, then the completion ends the iteration', { skip: noServer }, async t => {
  const c = client(t);
  const sub = c.subscribe('stream.count', [500]);
  assert.ok(sub instanceof JsonRpcSubscription);
  assert.equal(sub.id, null);
  const id = await sub.ready;
  assert.equal(typeof id, 'string');
  assert.equal(sub.id, id);
  const items = [];
  for await (const item of sub) {
    items.push(item);
  }
  assert.deepEqual(items, Array.from({ length: 500 }, (_, i) => i));
  assert.equal(await sub.unsubscribe(), false, 'an ended subscription is not unsubscribed');
  assert.equal(await c.call('calc.add', [1, 2]), 3, 'the connection goes on');
});

test('items sent in the frames right after the answer are not lost, also while nobody iterates yet', { skip: noServer },
  async t => {
    const c = client(t);
    const subs = Array.from({ length: 20 }, () => c.subscribe('stream.count', [50]));
    await new Promise(resolve => setTimeout(resolve, 200));
    for (const sub of subs) {
      const items = [];
      for await (const item of sub) {
        items.push(item);
      }
      assert.equal(items.length, 50);
    }
  });

test('an error notification makes the iteration throw a JsonRpcError after the items before it', { skip: noServer },
  async t => {
    const c = client(t);
    const sub = c.subscribe('stream.failing', [3]);
    const items = [];
    await assert.rejects(async () => {
      for await (const item of sub) {
        items.push(item);
      }
    }, { name: 'JsonRpcError', code: 4040, message: 'the feed dried up', data: { after: 3 } });
    assert.deepEqual(items, [0, 1, 2]);
    assert.deepEqual(await sub.next(), { value: undefined, done: true }, 'the error is thrown once');
  });

test('break unsubscribes: the server cancels the publisher', { skip: noServer }, async t => {
  const c = client(t);
  const key = uniqueName('break');
  const sub = c.subscribe('stream.ticks', [key]);
  assert.deepEqual(await take(sub, 3), [0, 1, 2]);
  await eventually(async () => await c.call('stream.cancelled', [key]) === 1);
  assert.equal(sub.id !== null, true, 'the id stays readable');
  assert.deepEqual(await sub.next(), { value: undefined, done: true });
});

test('unsubscribe() answers the server\'s true and ends a waiting next()', { skip: noServer }, async t => {
  const c = client(t);
  const key = uniqueName('unsubscribe');
  const sub = c.subscribe('stream.ticks', [key], { notification: 'stream.subscription', unsubscribe: 'stream.unsubscribe' });
  await sub.ready;
  assert.deepEqual(await sub.next(), { value: 0, done: false });
  const waiting = (async () => { for (;;) { const r = await sub.next(); if (r.done) return r; } })();
  assert.equal(await sub.unsubscribe(), true);
  assert.deepEqual(await waiting, { value: undefined, done: true });
  assert.equal(await c.call('stream.cancelled', [key]), 1);
  assert.equal(await sub.unsubscribe(), false);
});

test('aborting the signal of a subscription unsubscribes; an aborted one sends nothing', { skip: noServer }, async t => {
  const c = client(t);
  const key = uniqueName('abort-sub');
  const controller = new AbortController();
  const sub = c.subscribe('stream.ticks', [key], { signal: controller.signal });
  assert.deepEqual(await sub.next(), { value: 0, done: false });
  controller.abort();
  await eventually(async () => await c.call('stream.cancelled', [key]) === 1);
  let next = await sub.next();
  while (!next.done) {
    next = await sub.next(); // items already waiting were dropped; at most one in flight
  }

  const before = uniqueName('aborted-before');
  const never = c.subscribe('stream.ticks', [before], { signal: AbortSignal.abort(new Error('not wanted')) });
  await assert.rejects(never.ready, { message: 'not wanted' });
  assert.deepEqual(await never.next(), { value: undefined, done: true });
  assert.equal(never.id, null);
});

test('a subscription beyond the server\'s limit is refused: -32013 rejects ready and the first next()',
  { skip: noLimitedServer }, async t => {
    const c = client(t, {}, limitedUrl);
    const held = [c.subscribe('stream.ticks', [uniqueName('held')]), c.subscribe('stream.ticks', [uniqueName('held')])];
    await Promise.all(held.map(s => s.ready));
    const refused = c.subscribe('stream.ticks', [uniqueName('refused')]);
    await assert.rejects(refused.ready, { name: 'JsonRpcError', code: TOO_MANY_SUBSCRIPTIONS });
    await assert.rejects(refused.next(), { name: 'JsonRpcError', code: TOO_MANY_SUBSCRIPTIONS });
    assert.equal(await held[0].unsubscribe(), true);
    const again = c.subscribe('stream.count', [2]);
    assert.deepEqual(await take(again, 2), [0, 1], 'a place was free again');
    await held[1].unsubscribe();
  });

test('items beyond the buffer end the subscription with -32014 after the waiting ones, and unsubscribe it',
  { skip: noServer }, async t => {
    const c = client(t);
    const key = uniqueName('overflow');
    const sub = c.subscribe('stream.ticks', [key], { buffer: 3 });
    await eventually(async () => await c.call('stream.cancelled', [key]) === 1);
    const items = [];
    await assert.rejects(async () => {
      for await (const item of sub) {
        items.push(item);
      }
    }, { name: 'JsonRpcError', code: SUBSCRIPTION_OVERFLOW, data: { buffer: 3 } });
    assert.deepEqual(items, [0, 1, 2]);
  });

test('with drop-oldest the newest items wait', { skip: noServer }, async t => {
  const c = client(t);
  const sub = c.subscribe('stream.count', [100], { buffer: 5, overflow: 'drop-oldest' });
  await sub.ready;
  await new Promise(resolve => setTimeout(resolve, 500)); // the server sends all 100 meanwhile, unless very loaded
  const items = [];
  for await (const item of sub) {
    items.push(item);
  }
  assert.ok(items.length < 100, `some were dropped: ${items}`);
  assert.deepEqual(items.slice(-5), [95, 96, 97, 98, 99]);
  assert.deepEqual(items, [...items].sort((a, b) => a - b), 'in order');
});

test('options are checked', { skip: noServer }, async t => {
  const c = client(t);
  assert.throws(() => c.subscribe('stream.count', [1], { buffer: 0 }), TypeError);
  assert.throws(() => c.subscribe('stream.count', [1], { overflow: 'block' }), TypeError);
  assert.throws(() => c.subscribe('stream.log', ['x'], { resume: { param: 'after', key: 'seq' } }),
    { name: 'TypeError', message: /params by name/ });
  assert.throws(() => c.on('resubscribe', () => {}), TypeError);
});

test('close() of the client makes the iteration throw a JsonRpcConnectionError', { skip: noServer }, async t => {
  const c = client(t);
  const sub = c.subscribe('stream.ticks', [uniqueName('close')]);
  await sub.ready;
  const iterating = (async () => { for await (const _ of sub) { /* consume */ } })();
  const failed = assert.rejects(iterating, { name: 'JsonRpcConnectionError', message: 'stream.ticks: the client was closed' });
  await c.close();
  await failed;
});

test('an item for an id the client does not have goes to the method\'s handler, else it is dropped with an error event',
  { skip: noServer }, async t => {
    const c = client(t);
    // a subscription whose items would come as feed.update: from then on the client routes feed.update by id
    const sub = c.subscribe('stream.ticks', [uniqueName('routes')], { notification: 'feed.update' });
    await sub.ready;
    const error = new Promise(resolve => c.addEventListener('error', e => resolve(e.detail), { once: true }));
    const id = await c.call('feed.subscribe', ['news']); // Feed sends feed.update {subscription: id, result} itself
    assert.match((await error).message, new RegExp(`feed\\.update for subscription "${id}", which this client does not have`));
    const handled = new Promise(resolve => c.on('feed.update', params => resolve(params)));
    const other = await c.call('feed.subscribe', ['sports']);
    assert.deepEqual(await handled, { subscription: other, result: { topic: 'sports', seq: 1 } });
    await sub.unsubscribe();
  });
