// The packed npm package over the ws package's WebSocket, against the demo server (JSONRPCWS_URL): calls, and
// failures that say what failed, which ws reports and a browser's WebSocket does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { WebSocket } from 'ws';
import { connect, JsonRpcClient } from 'jsonrpcws';

const url = process.env.JSONRPCWS_URL;
const noServer = url ? false : 'JSONRPCWS_URL is not set (NpmPackageTest in the examples module sets it)';

test('calls, notifications and handlers work over ws', { skip: noServer }, async () => {
  const client = await connect(url, { WebSocket });
  try {
    assert.equal(await client.call('calc.add', [1, 2]), 3);
    const update = new Promise(resolve => client.on('feed.update', resolve));
    const id = await client.call('feed.subscribe', { topic: 'news' });
    assert.deepEqual(await update, { subscription: id, result: { seq: 1, topic: 'news' } });
  } finally {
    await client.close();
  }
});

test('a refused port says ECONNREFUSED', async () => {
  const probe = createServer();
  await new Promise(resolve => probe.listen(0, '127.0.0.1', resolve));
  const refused = `ws://127.0.0.1:${probe.address().port}/jsonrpc`;
  await new Promise(resolve => probe.close(resolve));
  await assert.rejects(connect(refused, { WebSocket }), {
    name: 'JsonRpcConnectionError',
    message: `connect: could not open ${refused} (closed 1006 before open: connect ECONNREFUSED 127.0.0.1:${refused.split(':')[2].split('/')[0]})`,
  });
});

test('an HTTP status of the handshake says its status', { skip: noServer }, async () => {
  const missing = url.replace(/\/jsonrpc$/, '/no-such-endpoint');
  await assert.rejects(connect(missing, { WebSocket }), {
    name: 'JsonRpcConnectionError',
    message: `connect: could not open ${missing} (closed 1006 before open: Unexpected server response: 404)`,
  });
});

test('the queue and onOpen work over ws', { skip: noServer }, async () => {
  const steps = [];
  const client = new JsonRpcClient(url, { WebSocket, onOpen: attempt => { steps.push(`onOpen ${attempt}`); } });
  try {
    const sum = client.call('calc.add', [2, 2]).then(s => { steps.push('sum'); return s; });
    assert.equal(await sum, 4);
    assert.deepEqual(steps, ['onOpen 0', 'sum']);
  } finally {
    await client.close();
  }
});

test('a subscription and a cancelled call work over ws', { skip: noServer }, async () => {
  const client = await connect(url, { WebSocket });
  try {
    const items = [];
    for await (const n of client.subscribe('stream.count', [5])) {
      items.push(n);
    }
    assert.deepEqual(items, [0, 1, 2, 3, 4]);
    const controller = new AbortController();
    const blocked = client.call('stream.block', [`ws-${process.pid}`], { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('enough')), 50);
    await assert.rejects(blocked, { message: 'enough' });
  } finally {
    await client.close();
  }
});
