// Drives the demo page in Chromium across a restart of its server: the chat shows what is said after the restart
// (the restarted room numbers its messages from 1 again), errors show their code and data, and the calculator
// refuses what is not a number. Run by DemoPageInChromiumTest, which sets DEMO_URL, JSONRPCWS_URL, JSONRPCWS_CLIENT,
// CHROMIUM, USER_DATA_DIR; it restarts the server on the same port when this script prints RESTART, and answers
// RESTARTED on this script's standard input.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';

const env = name => process.env[name] ?? fail(`${name} is not set`);
const { JsonRpcClient } = await import(pathToFileURL(env('JSONRPCWS_CLIENT')).href);
const input = createInterface({ input: process.stdin });
const lines = input[Symbol.asyncIterator]();

function fail(message) {
  throw new Error(message);
}

const step = text => console.log(text);

const context = await chromium.launchPersistentContext(env('USER_DATA_DIR'), {
  executablePath: env('CHROMIUM'),
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const pageErrors = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  // the browser logs the refused reconnection attempts as console errors: only the page's own count here
  page.on('pageerror', e => pageErrors.push(e.message));
  page.on('dialog', d => { pageErrors.push(`dialog: ${d.message()}`); d.dismiss(); });

  await page.goto(env('DEMO_URL'));
  await page.locator('#status', { hasText: 'open' }).waitFor({ timeout: 10000 });

  await page.fill('#a', 'six');
  await page.click('#compute');
  await page.locator('#result.err', { hasText: 'not a number: "six"' }).waitFor({ timeout: 5000 });
  step('the calculator refuses "six" instead of sending null');

  await page.fill('#name', 'Page');
  await page.click('#join');
  await page.locator('#me', { hasText: 'joined as Page' }).waitFor({ timeout: 5000 });
  await page.evaluate(() => { document.getElementById('text').value = 'x'.repeat(2001); });
  await page.click('#say');
  const error = page.locator('#error');
  await error.filter({ hasText: '(2)' }).waitFor({ timeout: 5000 });
  const shown = await error.textContent();
  if (!shown.includes('a message has at most 2000 characters') || !shown.includes('"max":2000')
      || !shown.includes('"length":2001')) {
    fail(`the error is shown without its message, code or data: ${shown}`);
  }
  step(`an error shows its message, code and data in the page: ${shown}`);

  const before = new JsonRpcClient(env('JSONRPCWS_URL'));
  await before.call('chat.join', ['Node']);
  await before.call('chat.say', ['before the restart']);
  await page.locator('#log', { hasText: 'Node: before the restart' }).waitFor({ timeout: 5000 });
  await before.close();

  console.log('RESTART');
  const answer = await lines.next();
  if (answer.value !== 'RESTARTED') {
    fail(`expected RESTARTED from the test, got ${JSON.stringify(answer.value)}`);
  }
  await page.locator('#log', { hasText: 'reconnected: messages sent while away may be missing' })
      .waitFor({ timeout: 30000 });
  // the old room's lines went at the reconnection: this one is the new room's, after the page joined it again
  await page.locator('#log', { hasText: 'Page joined' }).waitFor({ timeout: 5000 });
  step('the page reconnected to the restarted server and joined its room again');

  const after = new JsonRpcClient(env('JSONRPCWS_URL'));
  try {
    await after.call('chat.join', ['Node']);
    await after.call('chat.say', ['after the restart']);
    await page.locator('#log', { hasText: 'Node: after the restart' }).waitFor({ timeout: 5000 });
  } finally {
    await after.close();
  }
  if (await page.locator('#log', { hasText: 'before the restart' }).count() !== 0) {
    fail('the log still shows a message of the stopped server\'s room');
  }
  step('a message said after the restart appears in the page (seq 1 again), the old room\'s are gone');
  if (pageErrors.length > 0) {
    fail(`the page reported errors: ${pageErrors.join('; ')}`);
  }
} finally {
  input.close();
  await context.close();
}
