// Shared by the tests: the server's URL and fresh clients that the test closes when it ends.
import { JsonRpcClient } from '../../main/resources/META-INF/resources/jsonrpcws.js';

/** The demo server's JSON-RPC endpoint, given by the JUnit test that starts it. */
export const url = process.env.JSONRPCWS_URL;

/** True when the tests that need the demo server can run. */
export const noServer = url ? false : 'JSONRPCWS_URL is not set (JsRunnerTest in the examples module sets it)';

let members = 0;

/** A name for a chat member, unique in this run. */
export function uniqueName(prefix) {
  return `${prefix}-${process.pid}-${++members}`;
}

/** A client of the demo server, closed after the test `t`. */
export function client(t, options) {
  const c = new JsonRpcClient(url, options);
  t.after(() => c.close());
  return c;
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
