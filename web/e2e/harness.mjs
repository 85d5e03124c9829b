// Shared pieces of the browser scripts: Chromium start-up, named checks, waits and screenshots.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  // A camera and microphone that need no device and no permission prompt, for Go Live.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

/** Starts Debian's headless Chromium. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: BASE_ARGS });
}

/** Runs named checks, printing "ok <name>" or "FAIL <name>: <why>", and remembers failures. */
export class Checks {
  failures = [];

  async check(name, body) {
    try {
      await body();
      console.log(`ok ${name}`);
      return true;
    } catch (error) {
      this.failures.push(name);
      console.error(`FAIL ${name}: ${whyFailed(error)}`);
      return false;
    }
  }
}

/** Waits for `locator` to be visible, failing with a sentence that names `what`. */
export async function appear(locator, what, timeoutMs = 20_000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(`${what} did not appear within ${timeoutMs / 1000} s`);
  }
}

/** Polls `probe` until it returns a truthy value; throws naming `what` after `timeoutMs`. */
export async function until(probe, what, timeoutMs = 20_000, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Saves a full-page PNG under `dir`. */
export async function screenshot(page, dir, name) {
  await mkdir(dir, { recursive: true });
  // A full-page shot of a scrolled page draws the sticky header where the viewport was.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, animations: 'disabled' });
  console.log(`ok screenshot ${name}.png`);
}

/**
 * The first line of an error, and for a Playwright action that timed out the last lines of its
 * call log too (they say why: not visible, not stable, another element intercepts the click).
 */
export function whyFailed(error) {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const log = lines.indexOf('Call log:');
  if (log < 0) return firstLine(error);
  const reasons = lines.slice(log + 1).filter((line) => /element (is|was)|intercepts|not |outside/.test(line));
  return [lines[0], ...[...new Set(reasons)].slice(-3), ...lines.slice(Math.max(log + 1, lines.length - 2))].join(' / ');
}

export function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}
