import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../main/resources/META-INF/resources/jsonrpcws.js';
import { client, noServer, url } from './support.js';

test('a call by position resolves with the result', { skip: noServer }, async t => {
  const c = client(t);
  assert.equal(await c.call('calc.add', [1, 2]), 3);
});

test('a call by name binds the params by name', { skip: noServer }, async t => {
  const c = client(t);
  assert.equal(await c.call('calc.subtract', { minuend: 10, subtrahend: 4 }), 6);
});

test('calls made before the connection opens are sent once it does', { skip: noServer }, async t => {
  const c = client(t);
  assert.equal(c.isOpen, false);
  const results = await Promise.all([c.call('calc.multiply', [6, 7]), c.call('calc.divide', [1, 4])]);
  assert.deepEqual(results, [42, 0.25]);
  assert.equal(c.isOpen, true);
});

test('connect() resolves with an open client', { skip: noServer }, async () => {
  const c = await connect(url);
  try {
    assert.equal(c.isOpen, true);
    assert.equal(await c.call('calc.add', [0.5, 0.25]), 0.75);
  } finally {
    await c.close();
  }
});

test('connect() rejects when nothing listens', async () => {
  await assert.rejects(connect('ws://127.0.0.1:9/jsonrpc'), { name: 'JsonRpcConnectionError' });
});

test('open and close are dispatched as events', { skip: noServer }, async () => {
  const c = await connect(url);
  const closed = new Promise(resolve => c.addEventListener('close', e => resolve(e.detail)));
  await c.close(1000, 'bye');
  assert.deepEqual(await closed, { code: 1000, reason: 'bye', willReconnect: false, attempt: 0 });
  assert.equal(c.isOpen, false);
});
