// Drives the demo page in Chromium while a second client, jsonrpcws.js in Node, talks to the same server.
// Run by DemoPageInChromiumTest, which sets: DEMO_URL (the page), JSONRPCWS_URL (the endpoint),
// JSONRPCWS_CLIENT (the path of jsonrpcws.js), CHROMIUM, SCREENSHOT, USER_DATA_DIR.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const env = name => process.env[name] ?? fail(`${name} is not set`);
const { JsonRpcClient } = await import(pathToFileURL(env('JSONRPCWS_CLIENT')).href);

function fail(message) {
  throw new Error(message);
}

const step = text => console.log(text);

const context = await chromium.launchPersistentContext(env('USER_DATA_DIR'), {
  executablePath: env('CHROMIUM'),
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  viewport: { width: 900, height: 1000 },
});
const other = new JsonRpcClient(env('JSONRPCWS_URL'));
const pageErrors = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', e => pageErrors.push(e.message));
  page.on('console', m => m.type() === 'error' && pageErrors.push(m.text()));
  page.on('dialog', d => { pageErrors.push(`alert: ${d.message()}`); d.dismiss(); });

  await page.goto(env('DEMO_URL'));
  await page.locator('#status', { hasText: 'open' }).waitFor({ timeout: 10000 });
  step('the page loaded /jsonrpcws.js and connected');

  // (1) a calculator call, shown in the page
  await page.fill('#a', '6');
  await page.selectOption('#op', 'multiply');
  await page.fill('#b', '7');
  await page.click('#compute');
  await page.locator('#result', { hasText: '42' }).waitFor({ timeout: 5000 });
  await page.selectOption('#op', 'divide');
  await page.fill('#b', '0');
  await page.click('#compute');
  await page.locator('#result.err', { hasText: 'division by zero (1)' }).waitFor({ timeout: 5000 });
  step('calc.multiply shows 42; calc.divide by 0 shows the error and its code');
  await page.fill('#b', '7');
  await page.click('#compute');

  // (2) a server notification, shown in the page
  await page.fill('#name', 'Page');
  await page.click('#join');
  await page.locator('#me', { hasText: 'joined as Page' }).waitFor({ timeout: 5000 });
  await other.call('chat.join', ['Node']);
  await other.call('chat.say', ['hello, page']);
  await page.locator('#log', { hasText: 'Node: hello, page' }).waitFor({ timeout: 5000 });
  step('a chat.message pushed by the server appears in the page');

  // (3) a server request, answered by the page
  await page.fill('#reply', 'blue, says the page');
  const answers = await other.call('chat.ask', ['favourite colour?']);
  if (!answers.includes('Page: blue, says the page')) {
    fail(`chat.ask did not get the page's answer: ${JSON.stringify(answers)}`);
  }
  await page.locator('#log', { hasText: 'Node asks: favourite colour?' }).waitFor({ timeout: 5000 });
  step(`chat.ask got the page's answer: ${JSON.stringify(answers)}`);

  // the page asks too: the Node client answers
  other.on('chat.question', (asker, question) => `node heard ${asker} ask "${question}"`);
  await page.fill('#question', 'anyone there?');
  await page.click('#ask');
  await page.locator('#answers', { hasText: 'Node: node heard Page ask "anyone there?"' }).waitFor({ timeout: 5000 });
  step('the page asked with chat.ask and shows the Node client\'s answer');

  await page.screenshot({ path: env('SCREENSHOT'), fullPage: true });
  step(`screenshot: ${env('SCREENSHOT')}`);
  if (pageErrors.length > 0) {
    fail(`the page reported errors: ${pageErrors.join('; ')}`);
  }

  await readmeExample(page); // a bare page: its browser asks for a /favicon.ico that is not there
} finally {
  await other.close();
  await context.close();
}

/** The README's browser example, as written, in /readme-example.html (DemoPageInChromiumTest puts it there). */
async function readmeExample(page) {
  const logged = [];
  page.on('console', m => logged.push(m.text()));
  page.on('pageerror', e => logged.push(`page error: ${e.message}`));
  const said = new Promise(resolve => other.on('chat.message', m => m.from === 'Ann' && resolve(m.text)));
  await page.goto(new URL('/readme-example.html', env('DEMO_URL')).href);
  const timeout = new Promise(resolve => setTimeout(resolve, 5000, 'nothing'));
  const text = await Promise.race([said, timeout]);
  if (text !== 'hello') {
    fail(`the README example did not say hello (it logged ${JSON.stringify(logged)})`);
  }
  const answers = await other.call('chat.ask', ['what now?']);
  if (!answers.includes('Ann: no idea, Node')) {
    fail(`the README example did not answer chat.ask: ${JSON.stringify(answers)}`);
  }
  await other.call('chat.say', ['hi Ann']);
  for (let i = 0; i < 50 && !logged.includes('Node: hi Ann'); i++) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  for (const expected of ['connected', '3', 'Node: hi Ann']) {
    if (!logged.includes(expected)) {
      fail(`the README example did not log ${expected}: ${JSON.stringify(logged)}`);
    }
  }
  step(`the README example runs as written; it logged ${JSON.stringify(logged)}`);
}
