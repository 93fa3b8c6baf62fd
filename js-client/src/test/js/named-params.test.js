import { test } from 'node:test';
import assert from 'node:assert/strict';
import { client, nextNotification, noServer } from './support.js';

// The server's Feed service (examples' tests) calls its clients with params by name.

test("the server's by-name notification reaches the handler as one object", { skip: noServer }, async t => {
  const c = client(t);
  const update = nextNotification(c, 'feed.update', params => params);
  const id = await c.call('feed.subscribe', { topic: 'news' });
  assert.deepEqual(await update, { subscription: id, result: { seq: 1, topic: 'news' } });
});

test("the server's by-name request is answered by a handler taking one object", { skip: noServer }, async t => {
  const c = client(t);
  const received = [];
  c.on('feed.question', params => {
    received.push(params);
    return `${params.asker} asked: ${params.question}`;
  });
  assert.equal(await c.call('feed.ask', ['why?']), 'the server asked: why?');
  assert.equal(await c.call('feed.askViaProxy', { question: 'how?' }), 'a proxy asked: how?');
  assert.deepEqual(received, [{ question: 'why?', asker: 'the server' }, { question: 'how?', asker: 'a proxy' }]);
});
