// Cancelling calls with an AbortSignal, against the Streams service's call that blocks until it is interrupted.
// A WebSocket that records the frames both ways shows the $/cancelRequest going out and the server's -32800 coming in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REQUEST_CANCELLED } from '../../main/resources/META-INF/resources/jsonrpcws.js';
import { client, eventually, noServer, uniqueName } from './support.js';

/** A client whose frames are recorded: `sent` and `received`, parsed. */
function recordingClient(t) {
  const sent = [];
  const received = [];
  class Recording extends WebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => received.push(JSON.parse(e.data)));
    }

    send(data) {
      sent.push(JSON.parse(data));
      super.send(data);
    }
  }
  return { c: client(t, { WebSocket: Recording }), sent, received };
}

test('aborting a running call rejects it with the reason, cancels it on the server, and drops the -32800 answer',
  { skip: noServer }, async t => {
    const { c, sent, received } = recordingClient(t);
    const errors = [];
    c.addEventListener('error', e => errors.push(e.detail));
    const key = uniqueName('block');
    const controller = new AbortController();
    const call = c.call('stream.block', [key], { signal: controller.signal });
    await eventually(async () => await c.call('stream.call', [key]) === 'running');
    const reason = new Error('changed my mind');
    controller.abort(reason);
    await assert.rejects(call, e => e === reason);
    const id = sent.find(m => m.method === 'stream.block').id;
    assert.deepEqual(sent.find(m => m.method === '$/cancelRequest'),
      { jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
    assert.equal(await eventually(async () => await c.call('stream.call', [key]) === 'interrupted'), true,
      'the service\'s thread was interrupted');
    const answer = await eventually(() => received.find(m => m.id === id));
    assert.equal(answer.error.code, REQUEST_CANCELLED);
    assert.equal(answer.error.message, 'Request cancelled');
    assert.deepEqual(errors, [], 'the late answer is dropped without an error event');
  });

test('an abort without a reason rejects with an AbortError', { skip: noServer }, async t => {
  const c = client(t);
  const key = uniqueName('block');
  const controller = new AbortController();
  const call = c.call('stream.block', [key], { signal: controller.signal });
  await eventually(async () => await c.call('stream.call', [key]) === 'running');
  controller.abort();
  await assert.rejects(call, { name: 'AbortError' });
  await eventually(async () => await c.call('stream.call', [key]) === 'interrupted');
});

test('a signal aborted already rejects the call without sending it', { skip: noServer }, async t => {
  const { c, sent } = recordingClient(t);
  await c.opened();
  const key = uniqueName('block');
  await assert.rejects(c.call('stream.block', [key], { signal: AbortSignal.abort() }), { name: 'AbortError' });
  assert.equal(await c.call('stream.call', [key]), null);
  assert.deepEqual(sent.map(m => m.method), ['stream.call']);
});

test('a call that is answered before the abort is not cancelled', { skip: noServer }, async t => {
  const { c, sent } = recordingClient(t);
  const controller = new AbortController();
  assert.equal(await c.call('calc.add', [1, 2], { signal: controller.signal }), 3);
  controller.abort();
  assert.deepEqual(sent.map(m => m.method), ['calc.add']);
});

test('aborting a queued call takes it out of the queue', { skip: noServer }, async t => {
  const { c, sent } = recordingClient(t);
  const controller = new AbortController();
  const call = c.call('calc.add', [1, 2], { signal: controller.signal }); // before the connection opens
  controller.abort(new Error('no'));
  await assert.rejects(call, { message: 'no' });
  await c.opened();
  assert.equal(await c.call('calc.add', [2, 2]), 4);
  assert.deepEqual(sent.map(m => m.method), ['calc.add']);
});
