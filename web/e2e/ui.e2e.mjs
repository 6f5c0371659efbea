// End-to-end test of the embedded web UI in Debian's headless Chromium
// (playwright-core): log in with the default password, get forced to change
// it, then see the dashboard with the capture's top local talker.
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

async function waitForServer() {
  for (let i = 0; i < 150; i++) {
    try {
      const r = await fetch(`${base}/`);
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
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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
  await page.waitForSelector('text=Top local talkers');
  await page.waitForFunction(() => document.querySelectorAll('section.card tbody tr td[title]').length > 0,
    null, { timeout: 15000 });
  const talkers = await page.locator('section.card').nth(1).locator('td[title]').allTextContents();
  const titles = await page.locator('section.card').nth(1).locator('td[title]').evaluateAll(
    (tds) => tds.map((td) => td.getAttribute('title')));
  check('the dashboard lists the capture\'s local talkers', titles.includes('192.168.1.6'), JSON.stringify(titles));
  await page.waitForSelector('.topbar .figures span');
  check('the top bar shows live numbers', (await page.textContent('.topbar .figures')).includes('hosts'));
  check('the traffic chart is drawn', (await page.locator('.chart canvas').count()) > 0);
  console.log(`dashboard ready ${Date.now() - t0} ms after the first visit (login included); talkers: ${talkers}`);
  await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });
  check('no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
} catch (e) {
  check('the browser run completes', false, String(e));
} finally {
  await browser.close();
  server.kill('SIGINT');
  rmSync(data, { recursive: true, force: true });
}
console.log(`${failures} failed`);
process.exit(failures ? 1 : 0);
