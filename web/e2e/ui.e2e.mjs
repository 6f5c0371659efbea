// End-to-end test of the embedded web UI in Debian's headless Chromium
// (playwright-core): log in with the default password, get forced to change
// it, then see the dashboard with the capture's top local talker; filter and
// sort flows, open a flow, every tab of a host, the interface page, the
// settings (adding a user), and that user without the settings; a paced replay
// (live numbers, realtime applications), a server under an HTTP prefix, and
// two interfaces (the one looked at travels in the URL).
// Screenshots of every page go to ARTIFACT_DIR; the first-paint figure is printed.
// Usage: node e2e/ui.e2e.mjs WIRELENS_BIN SHARED_DIR ARTIFACT_DIR
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [bin, shared, artifacts] = process.argv.slice(2);
if (!bin || !shared || !artifacts) {
  console.error('usage: ui.e2e.mjs WIRELENS_BIN SHARED_DIR ARTIFACT_DIR');
  process.exit(2);
}
mkdirSync(artifacts, { recursive: true });

let failures = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'PASS' : 'FAIL'}: ${name}${ok || !detail ? '' : `  -- ${detail}`}`);
  if (!ok) failures++;
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const port = await freePort();
const data = mkdtempSync(join(tmpdir(), 'wl-e2e-'));
const server = spawn(bin, ['-i', join(shared, 'pcaps', 'teams.pcap'), '-w', `127.0.0.1:${port}`, '-d', data,
  '-m', '192.168.1.0/24', '--num-workers', '1'], { stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
const data2 = mkdtempSync(join(tmpdir(), 'wl-e2e-paced-'));
let paced = null;
const data3 = mkdtempSync(join(tmpdir(), 'wl-e2e-prefix-'));
let prefixed = null;
const data4 = mkdtempSync(join(tmpdir(), 'wl-e2e-multi-'));
let multi = null;

async function waitForServer(url = base) {
  for (let i = 0; i < 150; i++) {
    try {
      const r = await fetch(`${url}/`);
      if (r.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  check('server answers', await waitForServer());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  const t0 = Date.now();
  await page.goto(`${base}/`);
  await page.waitForSelector('form.auth-card');
  check('unauthenticated visit lands on the login page', page.url().includes('#/login'), page.url());
  await page.screenshot({ path: join(artifacts, 'login.png') });

  await page.fill('input[name=user]', 'admin');
  await page.fill('input[name=password]', 'wrong-password');
  await page.click('button[type=submit]');
  await page.waitForSelector('.error');
  check('a wrong password is refused with a message', (await page.textContent('.error')).includes('Wrong'));
  consoleErrors.length = 0;  // Chromium logs the refused login (401) itself: expected

  await page.fill('input[name=password]', 'admin');
  await page.click('button[type=submit]');
  await page.waitForURL(/#\/change-password/);
  check('the default password forces the change page', page.url().includes('change-password'), page.url());
  await page.screenshot({ path: join(artifacts, 'change-password.png') });
  const inputs = page.locator('input[type=password]');
  await inputs.nth(0).fill('admin');
  await inputs.nth(1).fill('a-new-passw0rd');
  await inputs.nth(2).fill('a-new-passw0rd');
  await page.click('button[type=submit]');
  await page.waitForSelector('header.topbar');
  check('after the change the dashboard opens', !page.url().includes('change-password'), page.url());

  // teams.pcap: 192.168.1.6 is the busiest local host.
  await page.waitForSelector('[data-test=top-local] .host', { timeout: 15000 });
  const titles = await page.locator('[data-test=top-local] .host').evaluateAll(
    (els) => els.map((el) => el.getAttribute('title')));
  check('the dashboard lists the capture\'s top local talker', titles.some((t) => t.includes('192.168.1.6')),
    JSON.stringify(titles));
  check('the top talker is first', (titles[0] ?? '').includes('192.168.1.6'), titles[0]);
  await page.waitForSelector('[data-test=live] span');
  check('the top bar shows live numbers', (await page.textContent('[data-test=live]')).includes('local'));
  check('the traffic chart is drawn', (await page.locator('.chart canvas').count()) > 0);
  check('applications since start are listed', (await page.locator('[data-test=apps-since-start] tbody tr').count()) > 3);
  console.log(`dashboard ready ${Date.now() - t0} ms after the first visit (login included)`);
  await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });
  await page.click('[data-test=theme]');
  check('the theme switch turns the page dark',
    (await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, 'dashboard-dark.png'), fullPage: true });
  await page.click('[data-test=theme]');
  check('no console errors on the dashboard', consoleErrors.length === 0, consoleErrors.join(' | '));

  // First paint of the dashboard for a logged-in user (a new tab: the session cookie only).
  const tab = await context.newPage();
  const p0 = Date.now();
  await tab.goto(`${base}/#/`);
  await tab.waitForSelector('[data-test=dashboard]');
  const shell = Date.now() - p0;
  await tab.waitForSelector('[data-test=top-local] .host');
  console.log(`FIGURE first dashboard paint: page ${shell} ms, with the top talkers ${Date.now() - p0} ms (loopback)`);
  await tab.close();
  await page.bringToFront();

  // Search box: a host by IP, Enter opens its page.
  await page.fill('[data-test=search]', '192.168.1.6');
  await page.waitForSelector('[data-test=search-results] li[role=option] a');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-test=host-detail]');
  check('the search box finds a host and opens its page', decodeURIComponent(page.url()).includes('/hosts/192.168.1.6'),
    page.url());

  // Flows: filter by an application, sort by bytes, open a flow.
  await page.click('[data-test=nav-flows]');
  await page.waitForSelector('[data-test=flow-row]');
  await page.screenshot({ path: join(artifacts, 'flows.png'), fullPage: true });
  await page.selectOption('[data-test=filter-application]', 'DNS');
  await page.waitForFunction(() => location.hash.includes('application=DNS'));
  await page.waitForFunction(() => {
    const apps = [...document.querySelectorAll('[data-test=flow-row] [data-test=flow-app]')].map((e) => e.dataset.app);
    return apps.length > 0 && apps.every((a) => a.split('.').includes('DNS'));
  }, null, { timeout: 10000 }).catch(() => {});
  const apps = await page.locator('[data-test=flow-row] [data-test=flow-app]').evaluateAll(
    (els) => els.map((e) => e.dataset.app));
  check('filtering flows by DNS shows only DNS flows', apps.length > 0 && apps.every((a) => a.split('.').includes('DNS')),
    JSON.stringify(apps));
  await page.screenshot({ path: join(artifacts, 'flows-dns.png'), fullPage: true });
  // A master protocol no flow has as its application ("TLS" of TLS.Teams) is offered too and matches them.
  await page.selectOption('[data-test=filter-application]', 'TLS');
  await page.waitForFunction(() => location.hash.includes('application=TLS'));
  await page.waitForFunction(() => {
    const a = [...document.querySelectorAll('[data-test=flow-row] [data-test=flow-app]')].map((e) => e.dataset.app);
    return a.length > 0 && a.every((x) => x.split('.').includes('TLS'));
  }, null, { timeout: 10000 }).catch(() => {});
  const tls = await page.locator('[data-test=flow-row] [data-test=flow-app]').evaluateAll((els) => els.map((e) => e.dataset.app));
  check('filtering flows by TLS shows only TLS flows (TLS.Teams, TLS.Microsoft, ...)',
    tls.length > 0 && tls.every((a) => a.split('.').includes('TLS')), JSON.stringify(tls));
  await page.click('[data-test=filter-chips] li[data-filter=application] button');
  await page.waitForFunction(() => !location.hash.includes('application='));
  const bytesOf = () => page.locator('[data-test=flow-row] [data-test=flow-bytes]').evaluateAll(
    (els) => els.map((e) => Number(e.dataset.bytes)));
  await page.click('th button[data-column=bytes]');
  await page.waitForFunction(() => location.hash.includes('sortOrder=asc'));
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('[data-test=flow-bytes]')].map((e) => Number(e.dataset.bytes));
    return b.length > 1 && b.every((v, i) => i === 0 || b[i - 1] <= v);
  }, null, { timeout: 10000 }).catch(() => {});
  const asc = await bytesOf();
  check('sorting by bytes (ascending) orders the rows', asc.length > 1 && asc.every((v, i) => i === 0 || asc[i - 1] <= v),
    JSON.stringify(asc));
  await page.click('th button[data-column=bytes]');
  await page.waitForFunction(() => !location.hash.includes('sortOrder=asc'));
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('[data-test=flow-bytes]')].map((e) => Number(e.dataset.bytes));
    return b.length > 1 && b.every((v, i) => i === 0 || b[i - 1] >= v);
  }, null, { timeout: 10000 }).catch(() => {});
  const desc = await bytesOf();
  check('sorting by bytes (descending) orders the rows', desc.length > 1 && desc.every((v, i) => i === 0 || desc[i - 1] >= v),
    JSON.stringify(desc));
  check('the biggest flow comes first when sorted descending', desc[0] >= Math.max(...asc), `${desc[0]} vs ${asc}`);
  // Auto-refresh keeps the user's place: page 2 of the sorted list stays page 2 with the same rows.
  await page.click('button[aria-label="Next page"]');
  await page.waitForFunction(() => location.hash.includes('page=2'));
  await page.waitForSelector('[data-test=flow-row]');
  const keysBefore = await page.locator('[data-test=flow-row]').evaluateAll((rows) => rows.map((r) => r.dataset.key));
  const stamp = await page.textContent('[data-test=flows-updated]');
  await page.waitForFunction((s) => document.querySelector('[data-test=flows-updated]')?.textContent !== s, stamp,
    { timeout: 15000 });
  const keysAfter = await page.locator('[data-test=flow-row]').evaluateAll((rows) => rows.map((r) => r.dataset.key));
  check('an auto-refresh keeps the page, the sort and the rows', page.url().includes('page=2') &&
    JSON.stringify(keysBefore) === JSON.stringify(keysAfter), `${keysBefore} vs ${keysAfter}`);
  await page.click('button[aria-label="First page"]');
  await page.waitForFunction(() => !location.hash.includes('page=2'));
  await page.waitForFunction((k) => document.querySelector('[data-test=flow-row]')?.dataset.key !== k, keysBefore[0]);
  await page.locator('[data-test=flow-row] [data-test=flow-app] a').first().click();
  await page.waitForSelector('[data-test=flow-detail] [data-test=flow-peers]');
  const detailBytes = Number(await page.getAttribute('[data-test=flow-detail-bytes]', 'data-bytes'));
  check('the flow detail opens with the row\'s bytes', detailBytes === desc[0], `${detailBytes} vs ${desc[0]}`);
  await page.screenshot({ path: join(artifacts, 'flow-detail.png'), fullPage: true });
  check('no console errors on the flow pages', consoleErrors.length === 0, consoleErrors.join(' | '));

  // Empty and error states: no IPv6 flow in this capture; an unknown application is refused with the reason.
  await page.goto(`${base}/#/flows?version=6`);
  await page.waitForSelector('[data-test=flows-page] .empty-state');
  check('a filter matching nothing shows the empty state',
    /no active flow/i.test(await page.textContent('[data-test=flows-page] .empty-state')));
  await page.goto(`${base}/#/flows?application=NoSuchApp`);
  await page.waitForSelector('[data-test=flows-page] .status.error');
  check('a refused filter shows the server\'s reason', /unknown application/i.test(
    await page.textContent('[data-test=flows-page] .status.error')));
  consoleErrors.length = 0;  // Chromium logs the refused request (400) itself: expected

  // Hosts: the table, then every tab of the busiest local host.
  await page.click('[data-test=nav-hosts]');
  await page.waitForSelector('[data-test=host-row]');
  await page.screenshot({ path: join(artifacts, 'hosts.png'), fullPage: true });
  await page.goto(`${base}/#/hosts/192.168.1.6`);
  await page.waitForSelector('[data-test=host-detail]');
  for (const tabName of ['overview', 'traffic', 'ports', 'peers', 'apps', 'dns', 'names', 'flows']) {
    await page.click(`[data-test=tab-${tabName}]`);
    const content = page.locator(`[data-test=tab-content-${tabName}]`);
    await content.waitFor({ timeout: 10000 });
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 10000 }).catch(() => {});
    const text = (await content.textContent()) ?? '';
    const rows = await content.locator('tbody tr').count();
    const errors = await content.locator('.error').count();
    // 192.168.1.6 has data for every tab: each shows rows (the overview: facts), none an error.
    check(`host tab '${tabName}' loads with its data`, errors === 0 && (tabName === 'overview' ? text.length > 100 : rows > 0),
      `${rows} rows, ${errors} errors: ${text.slice(0, 80)}`);
    await page.screenshot({ path: join(artifacts, `host-${tabName}.png`), fullPage: true });
  }
  check('the host tabs load without console errors', consoleErrors.length === 0, consoleErrors.join(' | '));

  // Interface page.
  await page.click('[data-test=nav-interface]');
  await page.waitForSelector('[data-test=iface-counters]');
  await page.waitForFunction(() => document.querySelector('[data-test=iface-packets]')?.textContent?.match(/\d/));
  check('the interface page shows its counters', /\d/.test(await page.textContent('[data-test=iface-packets]')));
  await page.screenshot({ path: join(artifacts, 'interface.png'), fullPage: true });

  // Settings (admin): add a non-privileged user through the form.
  await page.click('[data-test=nav-settings]');
  await page.waitForSelector('[data-test=users-table]');
  await page.fill('#add-username', 'operator');
  await page.fill('#add-full-name', 'Night operator');
  await page.fill('#add-password', 'operator-pw1');
  await page.fill('#add-confirm', 'operator-pw1');
  await page.selectOption('#add-role', 'unprivileged');
  await page.locator('[data-test=add-user-form] button[type=submit]').click();
  await page.waitForSelector('[data-test=users-table] tr[data-username=operator]');
  check('an administrator adds a user in the settings', true);
  await page.screenshot({ path: join(artifacts, 'settings.png'), fullPage: true });
  check('no console errors on the interface and settings pages', consoleErrors.length === 0, consoleErrors.join(' | '));

  // The non-privileged user: no settings link, and the settings URL leads back to the dashboard.
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const op = await other.newPage();
  const opErrors = [];
  op.on('console', (m) => { if (m.type() === 'error') opErrors.push(m.text()); });
  await op.goto(`${base}/#/login`);
  await op.fill('input[name=user]', 'operator');
  await op.fill('input[name=password]', 'operator-pw1');
  await op.click('button[type=submit]');
  await op.waitForSelector('[data-test=dashboard]');
  await op.waitForSelector('[data-test=nav-flows]');
  check('a non-privileged user sees no settings link', (await op.locator('[data-test=nav-settings]').count()) === 0);
  await op.goto(`${base}/#/settings`);
  await op.waitForSelector('[data-test=dashboard]');
  check('a non-privileged user is sent away from the settings',
    !op.url().includes('settings') && (await op.locator('[data-test=settings-page]').count()) === 0, op.url());
  await op.screenshot({ path: join(artifacts, 'unprivileged.png'), fullPage: true });
  // Every user manages their own API token from the user menu.
  op.on('dialog', (d) => d.accept());
  await op.click('[data-test=nav-account]');
  await op.waitForSelector('[data-test=account-page]');
  await op.click('[data-test=account-tab-token]');
  await op.click('[data-test=create-token]');
  await op.waitForSelector('[data-test=api-token]');
  const token = await op.inputValue('[data-test=api-token]');
  const byToken = await fetch(`${base}/lua/rest/v2/get/ntopng/interfaces.lua`, { headers: { Authorization: `Token ${token}` } });
  check('a non-privileged user creates an API token from the account page, and it works',
    /^[0-9a-f]{32}$/.test(token) && byToken.status === 200 && (await byToken.json()).rc === 0, token);
  await op.screenshot({ path: join(artifacts, 'account-token.png'), fullPage: true });
  check('no console errors for the non-privileged user', opErrors.length === 0, opErrors.join(' | '));
  await other.close();

  // Live traffic: the same capture replayed at its own pace; the dashboard's
  // realtime top applications fill in from the per-application byte totals.
  const pacePort = await freePort();
  paced = spawn(bin, ['-i', join(shared, 'pcaps', 'teams.pcap'), '--original-speed', '-w', `127.0.0.1:${pacePort}`,
    '-d', data2, '-m', '192.168.1.0/24', '--num-workers', '1', '--admin-password', 'pace-secret'],
    { stdio: ['ignore', 'ignore', 'ignore'] });
  const paceBase = `http://127.0.0.1:${pacePort}`;
  check('the paced server answers', await waitForServer(paceBase));
  const live = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const liveErrors = [];
  live.on('console', (m) => { if (m.type() === 'error') liveErrors.push(m.text()); });
  await live.goto(`${paceBase}/#/login`);
  await live.fill('input[name=user]', 'admin');
  await live.fill('input[name=password]', 'pace-secret');
  await live.click('button[type=submit]');
  await live.waitForSelector('[data-test=dashboard]');
  const appsChart = live.locator('[aria-label="Top applications\' throughput over time"] canvas');
  await appsChart.waitFor({ timeout: 25000 }).catch(() => {});
  check('realtime top applications are drawn while traffic flows', (await appsChart.count()) > 0);
  const moving = await live.waitForFunction(
    () => !/^0 bit\/s$/.test(document.querySelector('[data-test=live] span')?.textContent?.trim() ?? '0 bit/s'),
    null, { timeout: 15000 }).then(() => true, () => false);
  check('the live top bar shows the replay\'s throughput', moving, await live.textContent('[data-test=live]'));
  check('the live top bar shows the replay as reading', /reading file/.test(await live.textContent('[data-test=live]')));
  await live.screenshot({ path: join(artifacts, 'dashboard-live.png'), fullPage: true });
  check('no console errors on the live dashboard', liveErrors.length === 0, liveErrors.join(' | '));

  // Under an HTTP prefix (-Z): files, REST calls and the WebSocket all below it.
  const prefixPort = await freePort();
  prefixed = spawn(bin, ['-i', join(shared, 'pcaps', 'teams.pcap'), '-w', `127.0.0.1:${prefixPort}`, '-Z', '/wl',
    '-d', data3, '-m', '192.168.1.0/24', '--num-workers', '1', '--admin-password', 'prefix-secret'],
    { stdio: ['ignore', 'ignore', 'ignore'] });
  const prefixBase = `http://127.0.0.1:${prefixPort}/wl`;
  check('the prefixed server answers', await waitForServer(prefixBase));
  const pre = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await pre.goto(`${prefixBase}/`);
  await pre.fill('input[name=user]', 'admin');
  await pre.fill('input[name=password]', 'prefix-secret');
  await pre.click('button[type=submit]');
  await pre.waitForSelector('[data-test=top-local] .host');
  await pre.waitForSelector('[data-test=live] span');
  check('under -Z /wl the dashboard and the live numbers work', (await pre.textContent('[data-test=live]')).includes('flows'));

  // Two interfaces: the one looked at is in the URL, so a link opens the same view in another tab.
  const multiPort = await freePort();
  multi = spawn(bin, ['-i', join(shared, 'pcaps', 'teams.pcap'), '-i', join(shared, 'pcaps', 'dns.pcap'),
    '-w', `127.0.0.1:${multiPort}`, '-d', data4, '-m', '192.168.1.0/24', '--num-workers', '1',
    '--admin-password', 'multi-secret'], { stdio: ['ignore', 'ignore', 'ignore'] });
  const multiBase = `http://127.0.0.1:${multiPort}`;
  check('the two-interface server answers', await waitForServer(multiBase));
  const mctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const m1 = await mctx.newPage();
  await m1.goto(`${multiBase}/#/login`);
  await m1.fill('input[name=user]', 'admin');
  await m1.fill('input[name=password]', 'multi-secret');
  await m1.click('button[type=submit]');
  await m1.waitForSelector('[data-test=dashboard]');
  await m1.selectOption('[data-test=iface-select]', '1');
  await m1.click('[data-test=nav-hosts]');
  await m1.waitForFunction(() => location.hash.includes('ifid=1'));
  await m1.waitForSelector('[data-test=host-row]');
  const hostsOf1 = await m1.locator('[data-test=host-row]').count();
  const m2 = await mctx.newPage();
  await m2.goto(m1.url());
  await m2.waitForSelector('[data-test=host-row]');
  check('a copied URL opens the same interface in a new tab', (await m2.inputValue('[data-test=iface-select]')) === '1' &&
    (await m2.locator('[data-test=host-row]').count()) === hostsOf1, m1.url());
  await mctx.close();
} catch (e) {
  check('the browser run completes', false, String(e));
  // The page as it was when a step failed: the artifact to look at first.
  for (const [i, p] of browser.contexts().flatMap((c) => c.pages()).entries())
    await p.screenshot({ path: join(artifacts, `failure-${i}.png`), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
  server.kill('SIGINT');
  paced?.kill('SIGINT');
  prefixed?.kill('SIGINT');
  multi?.kill('SIGINT');
  rmSync(data, { recursive: true, force: true });
  rmSync(data2, { recursive: true, force: true });
  rmSync(data3, { recursive: true, force: true });
  rmSync(data4, { recursive: true, force: true });
}
console.log(`${failures} failed`);
process.exit(failures ? 1 : 0);
