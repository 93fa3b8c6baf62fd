// Uses the npm package's types in Node.js without the DOM library, under tsc --strict, with the ws package's
// WebSocket; each @ts-expect-error is misuse that must not compile.
import { WebSocket } from 'ws';
import {
  connect, JsonRpcClient, JsonRpcConnectionError, type JsonRpcClientEventMap, type JsonRpcSubscription,
} from 'jsonrpcws';

interface Server {
  'calc.add'(a: number, b: number): number;
  'stream.block'(key: string): string;
  'eth_subscribe'(kind: 'newHeads'): JsonRpcSubscription<{ number: string; hash: string }>;
  'feed.subscribe'(p: { topic: string }): string;
}

interface Client {
  'feed.update'(p: { subscription: string; result: { topic: string; seq: number } }): void;
  'feed.question'(p: { question: string; asker: string }): Promise<string>;
}

export async function overWs(url: string): Promise<void> {
  const client = await connect<Server, Client>(url, {
    WebSocket,
    reconnect: true,
    connectTimeout: 5000,
    onOpen: attempt => console.log('open', attempt),
  });
  const sum: number = await client.call('calc.add', [1, 2]);
  const id: string = await client.call('feed.subscribe', { topic: 'news' });
  client.on('feed.update', ({ subscription, result }) => console.log(subscription, result.topic, result.seq));
  client.on('feed.question', async ({ question, asker }) => `${asker} asked ${question}`);
  client.addEventListener('close', e => console.log(e.detail.willReconnect, e.detail.attempt));
  client.addEventListener('error', e => console.log(e.detail.message), { signal: AbortSignal.timeout(1000) });
  const listener = (e: JsonRpcClientEventMap['open']) => console.log(e.detail.attempt);
  client.addEventListener('open', listener);
  client.removeEventListener('open', listener);
  try {
    client.notify('calc.add', [1, 2]);
  } catch (e) {
    if (e instanceof JsonRpcConnectionError) {
      console.log(e.method);
    }
  }
  console.log(sum, id);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('too slow')), 100);
  const blocked: Promise<string> = client.call('stream.block', ['key'], { signal: controller.signal });
  const heads = client.subscribe('eth_subscribe', ['newHeads'], {
    notification: 'eth_subscription', unsubscribe: 'eth_unsubscribe', signal: AbortSignal.timeout(10000),
  });
  for await (const head of heads) {
    console.log(BigInt(head.number), head.hash);
  }
  console.log(await blocked.catch(e => String(e)));
  // @ts-expect-error eth_subscribe takes the kind of subscription
  client.subscribe('eth_subscribe', ['oldHeads']);
  // @ts-expect-error wrong param types
  await client.call('feed.subscribe', { topic: 1 });
  // @ts-expect-error the handler's object is typed
  client.on('feed.update', ({ subscription }: { subscription: number }) => console.log(subscription));
  // @ts-expect-error 'close' is an event of the client
  client.on('close', () => undefined);
  await client.close();
}

export async function untyped(url: string): Promise<unknown> {
  const client = new JsonRpcClient(url, { WebSocket, queue: 0 });
  const result = await client.call('calc.add', [1, 2]);
  // @ts-expect-error a result is unknown until checked
  result.toFixed();
  return result;
}

// @ts-expect-error not a WebSocket class
new JsonRpcClient('ws://x', { WebSocket: Map });
