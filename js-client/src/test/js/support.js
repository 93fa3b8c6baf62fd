// Shared by the tests: the server's URL and fresh clients that the test closes when it ends.
import { JsonRpcClient } from '../../main/resources/META-INF/resources/jsonrpcws.js';

/** The demo server's JSON-RPC endpoint, given by the JUnit test that starts it. */
export const url = process.env.JSONRPCWS_URL;

/** True when the tests that need the demo server can run. */
export const noServer = url ? false : 'JSONRPCWS_URL is not set (JavaScriptClientTest in the examples module sets it)';

/** A second demo server that the tests stop and start again on the same port. */
export const restartableUrl = process.env.JSONRPCWS_RESTARTABLE_URL;

/** True when the tests that stop and start a server can run. */
export const noRestartableServer = restartableUrl && process.env.JSONRPCWS_CONTROL ? false
  : 'JSONRPCWS_RESTARTABLE_URL or JSONRPCWS_CONTROL is not set (JavaScriptClientTest in the examples module sets them)';

/** Stops or starts the restartable server; resolves once it has. */
export async function server(action) {
  const response = await fetch(`${process.env.JSONRPCWS_CONTROL}/${action}`, { method: 'POST' });
  if (!response.ok) {
    throw new Error(`${action} failed: ${response.status} ${await response.text()}`);
  }
}

let members = 0;

/** A name for a chat member, unique in this run. */
export function uniqueName(prefix) {
  return `${prefix}-${process.pid}-${++members}`;
}

/** A client of the demo server, closed after the test `t`. */
export function client(t, options, at = url) {
  const c = new JsonRpcClient(at, options);
  t.after(() => c.close());
  return c;
}

/** A client of the restartable server, closed after the test `t`, which starts that server again if it stopped it. */
export function restartableClient(t, options) {
  t.after(() => server('start'));
  return client(t, options, restartableUrl);
}

/** Resolves with the detail of the next `type` event of `c` that `accept` accepts. */
export function nextEvent(c, type, accept = () => true) {
  return new Promise(resolve => {
    const listener = e => {
      if (accept(e.detail)) {
        c.removeEventListener(type, listener);
        resolve(e.detail);
      }
    };
    c.addEventListener(type, listener);
  });
}

/** A ws:// URL of 127.0.0.1 on which nothing listens: a port just given up by a server of this process. */
export async function refusedUrl() {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise(resolve => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise(resolve => probe.close(resolve));
  return `ws://127.0.0.1:${port}/jsonrpc`;
}

/** Resolves with the first value `accept` returns for a `method` notification that `c` receives. */
export function nextNotification(c, method, accept = params => params) {
  return new Promise(resolve => {
    const off = c.on(method, (...params) => {
      const value = accept(...params);
      if (value !== undefined && value !== false) {
        off();
        resolve(value);
      }
    });
  });
}

/** A server of the Streams service alone that allows two subscriptions per connection. */
export const limitedUrl = process.env.JSONRPCWS_LIMITED_URL;

/** True when the tests that need the limited server can run. */
export const noLimitedServer = limitedUrl ? false
  : 'JSONRPCWS_LIMITED_URL is not set (JavaScriptClientTest in the examples module sets it)';

/** Resolves once `check()` resolves with a value other than false or undefined, asking every 20 ms; rejects after `ms`. */
export async function eventually(check, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== false && value !== undefined) {
      return value;
    }
    if (Date.now() > until) {
      throw new Error(`not so within ${ms} ms: ${check}`);
    }
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

/**
 * Stops the restartable server; resolves once it has stopped and `c` has handled the close of every connection it had
 * or opened meanwhile. (`c.isOpen` turns false as soon as a close frame arrives, before the client has handled the
 * close: its subscriptions still have their ids then.)
 */
export async function stopServerOf(c) {
  // connections open and not yet handled as closed; a failed reconnect attempt's close follows no open
  let live = c.isOpen ? 1 : 0;
  const opened = () => live++;
  const closed = () => { live = Math.max(0, live - 1); };
  c.addEventListener('open', opened);
  c.addEventListener('close', closed);
  try {
    await server('stop');
    // nothing opens once the server has stopped: every connection there was has closed, or will
    await eventually(() => live === 0);
  } finally {
    c.removeEventListener('open', opened);
    c.removeEventListener('close', closed);
  }
}
