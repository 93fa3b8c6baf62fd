import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonRpcError } from '../../main/resources/META-INF/resources/jsonrpcws.js';
import { client, noServer } from './support.js';

test("an application error rejects with the server's code and message", { skip: noServer }, async t => {
  const c = client(t);
  const error = await c.call('calc.divide', [1, 0]).then(() => assert.fail('no error'), e => e);
  assert.ok(error instanceof JsonRpcError);
  assert.equal(error.code, 1);
  assert.equal(error.message, 'division by zero');
});

test('an unknown method rejects with -32601', { skip: noServer }, async t => {
  const c = client(t);
  await assert.rejects(c.call('calc.modulo', [1, 2]), { name: 'JsonRpcError', code: -32601 });
});

test('ill-typed params reject with -32602 and data naming the parameter', { skip: noServer }, async t => {
  const c = client(t);
  const error = await c.call('calc.add', ['one', 2]).then(() => assert.fail('no error'), e => e);
  assert.equal(error.code, -32602);
  assert.equal(error.data.parameter, 'a');
  assert.equal(typeof error.data.problem, 'string');
});

test('the connection survives an error', { skip: noServer }, async t => {
  const c = client(t);
  await assert.rejects(c.call('calc.divide', [1, 0]));
  assert.equal(await c.call('calc.add', [2, 2]), 4);
});
