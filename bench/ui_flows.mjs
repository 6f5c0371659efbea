// The web UI on a server holding a million-plus active flows, in Debian's
// headless Chromium: how long the flows page takes to show its first rows,
// to re-sort, to page and to filter (paging and sorting run in the server),
// and the dashboard's first paint. Prints median and worst of RUNS tries.
// Usage: node bench/ui_flows.mjs BASE_URL PASSWORD [RUNS]
import { chromium } from '../web/node_modules/playwright-core/index.mjs';

const [base, password, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await page.goto(`${base}/#/login`);
await page.fill('input[name=user]', 'admin');
await page.fill('input[name=password]', password);
await page.click('button[type=submit]');
await page.waitForSelector('[data-test=dashboard]');

const firstKey = () => page.getAttribute('[data-test=flow-row]', 'data-key');
async function timed(action, done) {
  const t0 = performance.now();
  await action();
  await page.waitForFunction(done.fn, done.arg, { timeout: 60000, polling: 20 });
  return performance.now() - t0;
}
const figures = {};
const add = (name, ms) => (figures[name] ??= []).push(ms);

for (let i = 0; i < runs; i++) {
  // A new tab: the app's files loaded and parsed, the session from its cookie.
  const tab = await page.context().newPage();
  const c0 = performance.now();
  await tab.goto(`${base}/#/`);
  await tab.waitForSelector('[data-test=top-local] .host', { timeout: 60000 });
  add('dashboard first paint, new tab (talkers shown)', performance.now() - c0);
  await tab.close();
  await page.bringToFront();
  add('dashboard, in-app navigation (talkers shown)', await timed(() => page.goto(`${base}/#/?run=${i}`),
    { fn: () => document.querySelector('[data-test=top-local] .host'), arg: null }));
  add('flows page: first rows', await timed(() => page.goto(`${base}/#/flows?run=${i}`),
    { fn: () => document.querySelectorAll('[data-test=flow-row]').length > 0, arg: null }));
  let before = await firstKey();
  add('flows page: sort by bytes (click to rows)', await timed(() => page.click('th button[data-column=bytes]'),
    { fn: (k) => document.querySelector('[data-test=flow-row]')?.dataset.key !== k && !document.querySelector('[aria-busy=true]'), arg: before }));
  before = await firstKey();
  add('flows page: next page', await timed(() => page.click('button[aria-label="Next page"]'),
    { fn: (k) => document.querySelector('[data-test=flow-row]')?.dataset.key !== k && !document.querySelector('[aria-busy=true]'), arg: before }));
  before = await firstKey();
  add('flows page: filter by application', await timed(() => page.selectOption('[data-test=filter-application]', { index: 1 }),
    { fn: (k) => document.querySelector('[data-test=flow-row]')?.dataset.key !== k && !document.querySelector('[aria-busy=true]'), arg: before }));
}
const total = await page.textContent('[data-test=flows-total]').catch(() => '?');
console.log(`flows page total after the filter: ${total}`);
console.log(`${'UI action'.padEnd(46)} ${'median'.padStart(9)} ${'worst'.padStart(9)}  (${runs} runs)`);
for (const [name, v] of Object.entries(figures)) {
  const s = [...v].sort((a, b) => a - b);
  console.log(`${name.padEnd(46)} ${(s[Math.floor(s.length / 2)].toFixed(0) + ' ms').padStart(9)} ${(s[s.length - 1].toFixed(0) + ' ms').padStart(9)}`);
}
await browser.close();
