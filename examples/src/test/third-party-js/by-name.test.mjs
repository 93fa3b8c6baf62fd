// A third-party JSON-RPC 2.0 peer, json-rpc-2.0's JSONRPCServerAndClient over the 'ws' package, whose handlers
// read their params by name (as handlers of that library do), against the server's Feed service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsonRpc from 'json-rpc-2.0';
import WebSocket from 'ws';

const { JSONRPCClient, JSONRPCServer, JSONRPCServerAndClient } = jsonRpc;
const url = process.env.JSONRPCWS_URL;

/** A connected peer; closed after the test `t`. */
async function peer(t) {
  const ws = new WebSocket(url);
  const peer = new JSONRPCServerAndClient(
    new JSONRPCServer(),
    new JSONRPCClient(request => new Promise((resolve, reject) => ws.send(JSON.stringify(request), e => (e ? reject(e) : resolve())))));
  ws.on('message', data => peer.receiveAndSend(JSON.parse(data.toString())));
  ws.on('close', (code, reason) => peer.rejectAllPendingRequests(`closed (${code} ${reason})`));
  t.after(() => ws.close());
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return peer;
}

test("the server's by-name notification reaches a handler that reads its params by name", async t => {
  const p = await peer(t);
  const update = new Promise(resolve => p.addMethod('feed.update', ({ subscription, result }) => resolve({ subscription, result })));
  const id = await p.request('feed.subscribe', { topic: 'news' });
  assert.deepEqual(await update, { subscription: id, result: { seq: 1, topic: 'news' } });
});

test("the server's by-name request is answered by a handler that reads its params by name", async t => {
  const p = await peer(t);
  p.addMethod('feed.question', ({ question, asker }) => `${asker} asked: ${question}`);
  assert.equal(await p.request('feed.ask', ['why?']), 'the server asked: why?');
  assert.equal(await p.request('feed.askViaProxy', { question: 'how?' }), 'a proxy asked: how?');
});
