// Uses the npm package's types in a browser (lib dom), under tsc --strict; each @ts-expect-error is misuse
// that must not compile.
import {
  connect, JsonRpcClient, JsonRpcConnectionError, JsonRpcError, JsonRpcSubscription, JsonRpcTimeoutError,
  REQUEST_CANCELLED, SUBSCRIPTION_OVERFLOW, type CloseDetail, type ResubscribeDetail,
} from 'jsonrpcws';

interface Message {
  seq: number;
  from: string;
  text: string;
}

/** The demo's methods that a client calls. */
interface Server {
  'calc.add'(a: number, b: number): number;
  'calc.subtract'(p: { minuend: number; subtrahend: number }): number;
  'chat.join'(name: string): Message[];
  'chat.say'(text: string): Message;
  'chat.whoami'(): string | null;
  'stream.count'(count: number): JsonRpcSubscription<number>;
  'stream.log'(p: { topic: string; after?: number }): JsonRpcSubscription<Entry>;
}

interface Entry {
  seq: number;
  text: string;
}

/** The client's methods that the demo calls. */
interface Client {
  'chat.message'(m: Message): void;
  'chat.question'(asker: string, question: string): string;
}

export async function typed(): Promise<void> {
  const client = new JsonRpcClient<Server, Client>(`ws://${location.host}/jsonrpc`, {
    timeout: 10000,
    reconnect: { retries: 10, maxDelay: 8000 },
    queue: 100,
    onOpen: async attempt => {
      if (attempt > 0) {
        await client.call('chat.join', ['Ann']);
      }
    },
  });
  const sum: number = await client.call('calc.add', [1, 2]);
  const difference: number = await client.call('calc.subtract', { minuend: 5, subtrahend: 3 });
  const history: Message[] = await client.call('chat.join', ['Ann'], { timeout: 5000 });
  const me: string | null = await client.call('chat.whoami');
  client.notify('chat.say', ['hello']);
  client.on('chat.message', m => console.log(m.from, m.text, m.seq.toFixed()));
  client.on('chat.question', async (asker, question) => `no idea, ${asker}: ${question}`);
  const batch = client.batch();
  const product: Promise<number> = batch.call('calc.add', [3, 4]);
  batch.notify('chat.say', ['in a batch']);
  await batch.send();
  console.log(sum, difference, history, me, await product);

  // @ts-expect-error wrong param types
  await client.call('calc.add', ['1', 2]);
  // @ts-expect-error too few params
  await client.call('calc.add', [1]);
  // @ts-expect-error params are required for a method that takes some
  await client.call('chat.say');
  // @ts-expect-error not a method of the server
  await client.call('calc.modulo', [1, 2]);
  // @ts-expect-error the result is a number, not a string
  const wrong: string = await client.call('calc.add', [1, 2]);
  // @ts-expect-error the handler's params are typed
  client.on('chat.question', (asker: number) => String(asker));
  // @ts-expect-error the handler answers a string
  client.on('chat.question', () => 42);
  // @ts-expect-error not a method of the client
  client.on('chat.unknown', () => undefined);
  // @ts-expect-error notify's params are typed too
  client.notify('chat.say', [1]);
  console.log(wrong);
}

export async function untyped(): Promise<void> {
  const client = await connect(`ws://${location.host}/jsonrpc`, { connectTimeout: 5000 });
  const result = await client.call('calc.add', [1, 2]);
  // @ts-expect-error a result is unknown until checked
  const n: number = result;
  if (typeof result === 'number') {
    const m: number = result;
    console.log(m, n);
  }
  const stated: number = await client.call<number>('calc.add', [1, 2]);
  client.on('chat.message', (m: Message) => console.log(m.text));
  client.notify('chat.say', { text: 'by name' });
  // @ts-expect-error 'open' is an event of the client, not a method of the server
  client.on('open', () => undefined);
  // @ts-expect-error params are an array or an object
  await client.call('calc.add', 1);
  console.log(stated);
}

export function events(client: JsonRpcClient): void {
  client.addEventListener('open', e => console.log('open', e.detail.attempt));
  client.addEventListener('close', e => {
    const detail: CloseDetail = e.detail;
    console.log(detail.code, detail.reason, detail.willReconnect, detail.attempt);
  });
  client.addEventListener('error', e => console.log(e.detail.message), { once: true });
  client.addEventListener('close', { handleEvent: e => console.log(e.detail.code) });
  // @ts-expect-error an open event has no code
  client.addEventListener('open', e => console.log(e.detail.code));
}

export async function errors(client: JsonRpcClient): Promise<void> {
  try {
    await client.call('calc.divide', [1, 0]);
  } catch (e) {
    if (e instanceof JsonRpcError) {
      const code: number = e.code;
      console.log(code, e.message, e.data);
    } else if (e instanceof JsonRpcTimeoutError) {
      const ms: number = e.timeout;
      console.log(e.method, ms);
    } else if (e instanceof JsonRpcConnectionError) {
      console.log(e.method, e.message);
    }
  }
  const own = new JsonRpcError(4001, 'nope', { why: 'because' });
  const late = new JsonRpcTimeoutError('calc.add', 100);
  const gone = new JsonRpcConnectionError('calc.add', 'the client was closed');
  // @ts-expect-error a timeout error's timeout is a number of milliseconds
  const wrong = new JsonRpcTimeoutError('calc.add', '100');
  console.log(own, late, gone, wrong);
  // the browser's own WebSocket class fits the option
  const explicit = new JsonRpcClient('ws://example/jsonrpc', { WebSocket });
  await explicit.close();
}

export async function streams(client: JsonRpcClient<Server, Client>): Promise<void> {
  const controller = new AbortController();
  const numbers = client.subscribe('stream.count', [10], { buffer: 100, overflow: 'drop-oldest', signal: controller.signal });
  const id: string = await numbers.ready;
  const current: string | null = numbers.id;
  for await (const n of numbers) {
    const m: number = n;
    if (m > 5) {
      break;
    }
  }
  const log = client.subscribe('stream.log', { topic: 'news', after: 0 }, {
    resume: { param: 'after', key: 'seq' },
    onResubscribe: ({ attempt, resumed, id }: ResubscribeDetail) => console.log(attempt, resumed, id),
  });
  for await (const entry of log) {
    console.log(entry.seq.toFixed(), entry.text);
  }
  const ended: boolean = await log.unsubscribe();
  const next: IteratorResult<Entry, undefined> = await log.next();
  const subscriptionId: string = await client.call('stream.count', [3]);
  const sum: number = await client.call('calc.add', [1, 2], { signal: AbortSignal.timeout(1000), timeout: 2000 });
  client.addEventListener('resubscribe', e => console.log(e.detail.method, e.detail.resumed, e.detail.subscription.id));
  try {
    await client.call('chat.join', ['Ann'], { signal: controller.signal });
  } catch (e) {
    if (e instanceof JsonRpcError && (e.code === REQUEST_CANCELLED || e.code === SUBSCRIPTION_OVERFLOW)) {
      console.log(e.code);
    }
  }
  console.log(id, current, ended, next, subscriptionId, sum);

  // @ts-expect-error not a subscription method of the server
  client.subscribe('calc.add', [1, 2]);
  for await (const s of client.subscribe('stream.count', [1])) {
    // @ts-expect-error the items are numbers
    const text: string = s;
    console.log(text);
  }
  // @ts-expect-error the resume key is a key of the items
  client.subscribe('stream.log', { topic: 'x' }, { resume: { param: 'after', key: 'sequence' } });
  // @ts-expect-error the params are typed
  client.subscribe('stream.count', ['ten']);
  // @ts-expect-error overflow is 'error' or 'drop-oldest'
  client.subscribe('stream.count', [1], { overflow: 'block' });
  // @ts-expect-error a signal is an AbortSignal
  await client.call('calc.add', [1, 2], { signal: controller });
  // @ts-expect-error a subscription is made by subscribe()
  new JsonRpcSubscription();
}

export async function untypedStreams(client: JsonRpcClient): Promise<void> {
  const anything = client.subscribe('feed.watch', ['ACME']);
  for await (const item of anything) {
    // @ts-expect-error an item is unknown until checked
    item.toFixed();
  }
  const prices = client.subscribe<{ symbol: string; price: number; seq: number }>('feed.watch', { symbol: 'ACME' }, {
    notification: 'feed.subscription', unsubscribe: 'feed.unsubscribe', resume: { param: 'after', key: 'seq' },
  });
  for await (const p of prices) {
    console.log(p.symbol, p.price.toFixed(2));
  }
  // @ts-expect-error the resume key is a key of the stated items
  client.subscribe<{ seq: number }>('feed.watch', {}, { resume: { param: 'after', key: 'sequence' } });
}
