// Browser test of the Slipstream app shell against a running server.
//
// Contract (the server's integration test runs this script; keep it stable):
//
//   node web/e2e/shell.e2e.mjs
//
//   Environment, all required:
//     BASE_URL             server root, e.g. http://127.0.0.1:41234 (no trailing slash needed)
//     EXPECT_STREAM_TITLE  title of a stream created beforehand with POST /api/streams {"title": …}
//     SCREENSHOT_DIR       folder for PNG screenshots; created if missing
//     OPERATOR_EMAIL       an operator's (or admin's) account, to sign in on the Operator page
//     OPERATOR_PASSWORD    its password
//
//   Needs: node 20+, this module's node_modules (playwright-core), Chromium at /usr/bin/chromium.
//   The server must answer GET /api/streams, GET /healthz, POST /api/auth/login, GET /api/me,
//   GET /api/system (operators only), serve the built app
//   (index.html for every app route, its files under /assets/), and have its database up.
//
//   Exit status: 0 when every check passed; 1 when any check failed (one "FAIL <check>: <why>"
//   line each on stderr) or the browser could not start; 2 when the environment is incomplete.
//   Progress goes to stdout as "ok <check>" lines. The whole run stops after 120 s.
//
//   Screenshots, full page, at desktop (1280×800) and phone (390×844) width:
//     watch-desktop.png  go-live-desktop.png  operator-desktop.png  account-desktop.png
//     watch-phone.png    go-live-phone.png    operator-phone.png    account-phone.png
//
//   Checks: the navigation renders; Tab reaches every navigation link with a visible focus ring
//   and Enter follows it; Watch lists EXPECT_STREAM_TITLE from the server; a malformed answer
//   keeps the list on screen marked stale and the page recovers on its own; Operator shows the
//   database check as up, asks a visitor to sign in, and after signing in shows the system
//   version; Go Live offers a camera preview and Account names the signed-in user; nothing overflows sideways at phone width; no console error and no page error.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const WAIT_MS = 15_000;
const RUN_LIMIT_MS = 120_000;
const NAV_LABELS = ['Watch', 'Go Live', 'Operator', 'Account'];
const PAGES = [
  { path: '/watch', name: 'watch', heading: 'Watch' },
  { path: '/go-live', name: 'go-live', heading: 'Go Live' },
  { path: '/operator', name: 'operator', heading: 'Operator' },
  { path: '/account', name: 'account', heading: 'Account' },
];

const env = readEnvironment();
const failures = [];
const browserErrors = [];

const watchdog = setTimeout(() => {
  console.error(`FAIL run: did not finish within ${RUN_LIMIT_MS / 1000} s`);
  process.exit(1);
}, RUN_LIMIT_MS);

await main();

async function main() {
  await mkdir(env.screenshotDir, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), 'slipstream-e2e-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: DESKTOP,
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
  } catch (error) {
    console.error(`FAIL browser: could not start ${CHROMIUM}: ${firstLine(error)}`);
    await rm(profile, { recursive: true, force: true });
    process.exit(1);
  }

  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(WAIT_MS);
    watchBrowserErrors(page);
    await desktopChecks(page);
    await phoneChecks(page);
    await check('no console error or page error', async () => {
      if (browserErrors.length > 0) throw new Error(summarise(browserErrors));
    });
  } finally {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  }

  clearTimeout(watchdog);
  if (failures.length > 0) {
    console.error(`${failures.length} check(s) failed.`);
    process.exit(1);
  }
  console.log('All checks passed.');
}

async function desktopChecks(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });

  await check('the app loads with the navigation', async () => {
    const response = await page.goto(url('/'), { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`GET / answered ${response?.status() ?? 'nothing'}`);
    for (const label of NAV_LABELS) {
      await nav.getByRole('link', { name: label, exact: true }).waitFor({ state: 'visible' });
    }
  });

  await check('Tab reaches every navigation link with a visible focus ring', async () => {
    const reached = new Map();
    for (let i = 0; i < 12 && reached.size < NAV_LABELS.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || !el.closest('nav[aria-label="Main"]') || el.tagName !== 'A') return null;
        const style = getComputedStyle(el);
        return {
          label: el.textContent.trim(),
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (focused) reached.set(focused.label, focused.ring);
    }
    const missed = NAV_LABELS.filter((label) => !reached.has(label));
    if (missed.length > 0) throw new Error(`12 presses of Tab never focused: ${missed.join(', ')}`);
    const ringless = NAV_LABELS.filter((label) => !reached.get(label));
    if (ringless.length > 0) throw new Error(`no visible focus ring on: ${ringless.join(', ')}`);
  });

  await check('Enter on a focused navigation link opens its page', async () => {
    for (const [label, path] of [['Operator', '/operator'], ['Watch', '/watch']]) {
      await nav.getByRole('link', { name: label, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === path).catch(() => {
        throw new Error(`Enter on "${label}" left the page at ${pathOf(page)}, not ${path}`);
      });
      await appear(page.getByRole('heading', { level: 1, name: label }), `the ${label} heading`);
    }
  });

  await check(`Watch lists the stream "${env.streamTitle}" from the server`, async () => {
    await appear(page.getByRole('heading', { level: 1, name: 'Watch' }), 'the Watch heading');
    await expectStreamListed(page);
  });
  await screenshot(page, 'watch-desktop');

  await check('Watch keeps the list, marked stale, when the server answers nonsense, then recovers', async () => {
    const cardsBefore = await page.locator('.stream-card').count();
    await page.route('**/api/streams', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"items":"not a list"}' }),
    );
    try {
      const stale = page.locator('.notice[data-state="stale"]');
      await appear(stale, 'the stale notice');
      const text = await stale.innerText();
      if (!/Unexpected data/.test(text)) throw new Error(`the stale notice does not say why: "${text}"`);
      const cardsDuring = await page.locator('.stream-card').count();
      if (cardsDuring < cardsBefore) throw new Error(`the list went from ${cardsBefore} streams to ${cardsDuring}`);
    } finally {
      await page.unroute('**/api/streams');
    }
    await appear(page.locator('.live-status[data-state="fresh"]'), 'the "Up to date" line after recovery');
  });

  await check('Operator shows the database check as up', async () => {
    await nav.getByRole('link', { name: 'Operator', exact: true }).click();
    const database = page.locator('.check[data-check="database"]');
    await appear(database, 'the database health check');
    const up = await database.getAttribute('data-up');
    const text = (await database.innerText()).replace(/\s+/g, ' ');
    if (up !== 'true' || !/\bUp\b/.test(text)) throw new Error(`database check reads "${text}"`);
  });

  await check('Operator asks a visitor to sign in before showing what the server runs', async () => {
    const form = page.getByRole('form', { name: 'Operator sign-in' });
    await appear(form, 'the operator sign-in form');
    await form.getByLabel('Email').fill(process.env.OPERATOR_EMAIL);
    await form.getByLabel('Password').fill(process.env.OPERATOR_PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
  });

  await check('Operator shows the server version once signed in', async () => {
    await appear(page.locator('.facts dt', { hasText: 'Version' }), 'the system version');
  });
  await screenshot(page, 'operator-desktop');

  await check('Go Live offers the signed-in operator a camera preview', async () => {
    await nav.getByRole('link', { name: 'Go Live', exact: true }).click();
    await appear(page.getByRole('button', { name: 'Start preview' }), 'the "Start preview" button');
  });
  await screenshot(page, 'go-live-desktop');

  await check('Account shows who is signed in', async () => {
    await nav.getByRole('link', { name: 'Account', exact: true }).click();
    await appear(page.getByRole('heading', { level: 1, name: 'Account' }), 'the Account heading');
    await appear(page.getByText(`(${process.env.OPERATOR_EMAIL})`), 'the signed-in email');
  });
  await screenshot(page, 'account-desktop');
}

async function phoneChecks(page) {
  await page.setViewportSize(PHONE);
  for (const target of PAGES) {
    await check(`${target.heading} opens directly at ${target.path} and fits 390 px`, async () => {
      const response = await page.goto(url(target.path), { waitUntil: 'load' });
      if (!response?.ok()) throw new Error(`GET ${target.path} answered ${response?.status() ?? 'nothing'}`);
      await appear(page.getByRole('heading', { level: 1, name: target.heading }), `the ${target.heading} heading`);
      if (target.name === 'watch') await expectStreamListed(page);
      if (target.name === 'operator') {
        await appear(page.locator('.check[data-check="database"]'), 'the database health check');
        await appear(page.locator('.facts'), 'the system information');
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) throw new Error(`the page is ${overflow} px wider than the screen`);
    });
    await screenshot(page, `${target.name}-phone`);
  }
}

/** Waits for `locator` to be visible, failing with a sentence that names `what`. */
async function appear(locator, what) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: WAIT_MS });
  } catch {
    throw new Error(`${what} did not appear within ${WAIT_MS / 1000} s`);
  }
}

/** Waits for EXPECT_STREAM_TITLE on the Watch page; on failure says what the page showed instead. */
async function expectStreamListed(page) {
  const card = page.locator('.stream-card__title', { hasText: env.streamTitle });
  try {
    await card.first().waitFor({ state: 'visible', timeout: WAIT_MS });
  } catch {
    const titles = await page.locator('.stream-card__title').allInnerTexts();
    const notices = await page.locator('.notice, .empty-state').allInnerTexts();
    const shown = titles.length > 0 ? `it lists ${titles.map((t) => `"${t}"`).join(', ')}` : 'it lists no stream';
    const why = notices.length > 0 ? `; it says "${notices.join(' ').replace(/\s+/g, ' ').trim()}"` : '';
    throw new Error(`"${env.streamTitle}" did not appear within ${WAIT_MS / 1000} s: ${shown}${why}`);
  }
}

function watchBrowserErrors(page) {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ? ` (${message.location().url})` : '';
    browserErrors.push(`console error on ${pathOf(page)}: ${message.text()}${where}`);
  });
  page.on('pageerror', (error) => {
    browserErrors.push(`page error on ${pathOf(page)}: ${firstLine(error)}`);
  });
}

async function check(name, body) {
  try {
    await body();
    console.log(`ok ${name}`);
  } catch (error) {
    failures.push(name);
    console.error(`FAIL ${name}: ${firstLine(error)}`);
  }
}

async function screenshot(page, name) {
  await check(`screenshot ${name}.png`, async () => {
    await page.screenshot({ path: join(env.screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
  });
}

function readEnvironment() {
  const missing = ['BASE_URL', 'EXPECT_STREAM_TITLE', 'SCREENSHOT_DIR', 'OPERATOR_EMAIL', 'OPERATOR_PASSWORD'].filter(
    (name) => !process.env[name],
  );
  if (missing.length > 0) {
    console.error(`FAIL environment: set ${missing.join(', ')} (see the comment at the top of this file)`);
    process.exit(2);
  }
  let base;
  try {
    base = new URL(process.env.BASE_URL);
  } catch {
    console.error(`FAIL environment: BASE_URL is not a URL: "${process.env.BASE_URL}"`);
    process.exit(2);
  }
  return {
    baseUrl: base.href.replace(/\/+$/, ''),
    streamTitle: process.env.EXPECT_STREAM_TITLE,
    screenshotDir: process.env.SCREENSHOT_DIR,
  };
}

function url(path) {
  return `${env.baseUrl}${path}`;
}

function pathOf(page) {
  try {
    return new URL(page.url()).pathname;
  } catch {
    return page.url();
  }
}

/** Each distinct message once, with how often it happened. */
function summarise(messages) {
  const counts = new Map();
  for (const message of messages) counts.set(message, (counts.get(message) ?? 0) + 1);
  return [...counts].map(([message, n]) => (n > 1 ? `${message} (×${n})` : message)).join(' | ');
}

function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}
