import { test } from 'node:test';
import assert from 'node:assert/strict';
import { client, nextNotification, noServer, uniqueName } from './support.js';

test('a chat.message notification from the server reaches the handler', { skip: noServer }, async t => {
  const listener = client(t);
  const speaker = client(t);
  await listener.call('chat.join', [uniqueName('listener')]);
  const speakerName = uniqueName('speaker');
  await speaker.call('chat.join', [speakerName]);
  const heard = nextNotification(listener, 'chat.message', m => m.from === speakerName && m);
  const said = await speaker.call('chat.say', ['hello from node']);
  const message = await heard;
  assert.equal(message.text, 'hello from node');
  assert.equal(message.seq, said.seq);
});

test("the server's chat.question request is answered by the handler", { skip: noServer }, async t => {
  const answerer = client(t);
  const asker = client(t);
  const answererName = uniqueName('answerer');
  const askerName = uniqueName('asker');
  await answerer.call('chat.join', [answererName]);
  await asker.call('chat.join', [askerName]);
  const questions = [];
  answerer.on('chat.question', async (from, question) => {
    questions.push([from, question]);
    return `42, ${from}`;
  });

  const answers = await asker.call('chat.ask', ['the meaning of life?']);

  assert.deepEqual(questions, [[askerName, 'the meaning of life?']]);
  assert.ok(answers.includes(`${answererName}: 42, ${askerName}`), JSON.stringify(answers));
  assert.ok(answers.includes(`${askerName} did not answer`), 'a member without a handler answers -32601');
});

test('a handler that throws answers an error', { skip: noServer }, async t => {
  const refuser = client(t);
  const asker = client(t);
  const refuserName = uniqueName('refuser');
  await refuser.call('chat.join', [refuserName]);
  await asker.call('chat.join', [uniqueName('asker')]);
  refuser.on('chat.question', () => {
    throw new Error('no comment');
  });
  const answers = await asker.call('chat.ask', ['anything?']);
  assert.ok(answers.includes(`${refuserName} did not answer`), JSON.stringify(answers));
});

test('close() rejects pending calls at once, and later calls too', { skip: noServer }, async t => {
  const c = client(t);
  await c.call('chat.join', [uniqueName('closer')]);
  c.on('chat.question', () => new Promise(() => {}));
  const pending = c.call('chat.ask', ['still there?']);
  await new Promise(resolve => setTimeout(resolve, 100));
  const closed = c.close();
  await assert.rejects(pending, { name: 'JsonRpcConnectionError', method: 'chat.ask' });
  await closed;
  await assert.rejects(c.call('calc.add', [1, 2]), { name: 'JsonRpcConnectionError' });
  assert.throws(() => c.notify('calc.add', [1, 2]), { name: 'JsonRpcConnectionError' });
});

test('a connection closed by the server rejects its pending calls', { skip: noServer }, async t => {
  const sockets = [];
  class RememberedWebSocket extends WebSocket {
    constructor(...args) {
      super(...args);
      sockets.push(this);
    }
  }
  const c = client(t, { WebSocket: RememberedWebSocket });
  await c.call('chat.join', [uniqueName('dropped')]);
  c.on('chat.question', () => new Promise(() => {}));
  const closed = new Promise(resolve => c.addEventListener('close', e => resolve(e.detail)));
  const pending = c.call('chat.ask', ['still there?']);
  await new Promise(resolve => setTimeout(resolve, 100));
  sockets[0].send(new Uint8Array([1, 2, 3])); // the server closes a connection that sends binary with 1003
  assert.equal((await closed).code, 1003);
  await assert.rejects(pending, { name: 'JsonRpcConnectionError', method: 'chat.ask' });
});
