/**
 * End-to-end helpers: a real `ido-server start` child process in demo mode (PGlite in a temporary
 * directory), a headless Chromium through playwright-core, and the API reads the tests check rows with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { bin, freePort, terminate } from './cli.js';

export const DEMO_DESK_KEY = 'ido_dk_demo_0000000000000000000000000000000000000000';
export const DEMO_COORDINATOR = { email: 'coordinator.utrecht@demo.ido-registratie.nl', password: 'demo-coordinator-2026' } as const;
export const SHOTS_DIR = '/tmp/shots';

export interface E2eServer {
  base: string;
  port: number;
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  stop: () => Promise<{ code: number | null; ms: number }>;
}

/**
 * Starts `node bin/ido-server.mjs start` with IDO_DEMO=1 on a free port and a fresh PGlite
 * directory, and resolves once `/healthz` answers 200 (demo seeding included: requests wait for it).
 * `env` adds settings (e.g. `IDO_PC4_FILE`).
 */
export async function startE2eServer(timeoutMs = 240_000, env: Record<string, string> = {}): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ido-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // PGlite, and the desk key bound to this very origin: no database URL or public URL from outside.
  const { DATABASE_URL: _db, IDO_PUBLIC_URL: _url, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(process.execPath, [bin, 'start'], {
    env: {
      ...inherited,
      IDO_DEMO: '1',
      IDO_DATA_DIR: join(dir, 'data'),
      PORT: String(port),
      HOST: '127.0.0.1',
      IDO_LOG: 'off',
      IDO_PDOK_URL: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const output = () => ({ stdout, stderr });
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });

  const stop = async () => {
    const result = await terminate(child);
    rmSync(dir, { recursive: true, force: true });
    return result;
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== undefined) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`ido-server exited with ${exited} before /healthz answered:\n${stdout}\n${stderr}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`ido-server did not answer /healthz within ${timeoutMs} ms:\n${stdout}\n${stderr}`);
    }
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())) });
      if (response.status === 200) break;
      await response.body?.cancel();
    } catch {
      // Not listening yet.
    }
    // Poll the condition again once the event loop has had a turn (the child's exit is seen here too).
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { base, port, child, output, stop };
}

/**
 * For a `describe` block: starts a server (with `env` added) and a browser before its tests, and
 * after them closes the browser and stops the server, which must exit cleanly.
 */
export function e2eSuite(env: Record<string, string> = {}): { server: () => E2eServer; browser: () => Browser } {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(240_000, env), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    if (server) {
      const { code } = await server.stop();
      assert.equal(code, 0, `ido-server exit code; output:\n${JSON.stringify(server.output())}`);
    }
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('e2eSuite: the server and browser start in before()');
    return value;
  };
  return { server: () => started(server), browser: () => started(browser) };
}

/** How Chromium is started here (CHROME_PATH overrides the executable). */
export const CHROME_OPTIONS = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** A headless Chromium, as the brief prescribes. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROME_OPTIONS);
}

/** Saves a full-page screenshot to /tmp/shots/e2e-<name>.png. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `e2e-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until the locator's (first) element has text matching `pattern`; on a timeout says what it had. */
export async function waitForText(locator: Locator, pattern: RegExp, timeout = 30_000): Promise<string> {
  try {
    await locator.filter({ hasText: pattern }).first().waitFor({ state: 'attached', timeout });
  } catch (error) {
    const had = await locator.allTextContents().catch(() => []);
    throw new Error(`waited ${timeout} ms for ${pattern}; found ${JSON.stringify(had)}\n${(error as Error).message}`);
  }
  return (await locator.filter({ hasText: pattern }).first().textContent()) ?? '';
}

/** Waits until the locator's element has no text (after trimming). */
export async function waitForEmpty(locator: Locator, timeout = 30_000): Promise<void> {
  const handle = await locator.elementHandle({ timeout });
  try {
    await handle!.waitForElementState('stable', { timeout });
    await locator.page().waitForFunction((el) => (el as Element).textContent!.trim() === '', handle, { timeout });
  } catch (error) {
    throw new Error(
      `waited ${timeout} ms for ${locator} to be empty; it says ${JSON.stringify(await locator.textContent().catch(() => null))}\n${(error as Error).message}`,
    );
  } finally {
    await handle?.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// The API, as the coordinator of the demo organisation: the server owns its database.

export interface Api {
  get: <T = any>(path: string) => Promise<T>;
}

export async function coordinatorApi(base: string): Promise<Api> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_COORDINATOR),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  return {
    async get(path) {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
  };
}

/** Today's date in Europe/Amsterdam (the server's `from`/`to` are Amsterdam dates). */
export function amsterdamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Yesterday to tomorrow in Europe/Amsterdam: the days to count a desk's visits over before and after
 * a test adds some, so that midnight passing in between (a run at 23:59) changes nothing.
 */
export function daysAroundToday(now = new Date()): { from: string; to: string } {
  const DAY_MS = 86_400_000;
  return { from: amsterdamToday(new Date(now.getTime() - DAY_MS)), to: amsterdamToday(new Date(now.getTime() + DAY_MS)) };
}

/** The id of the demo location whose name contains `name`. */
export async function locationId(api: Api, name: string): Promise<string> {
  const { items } = await api.get<{ items: { id: string; name: string }[] }>('/api/v1/locations');
  const found = items.filter((l) => l.name.includes(name));
  if (found.length !== 1) throw new Error(`expected one location named like "${name}", found ${JSON.stringify(items.map((l) => l.name))}`);
  return found[0].id;
}

export interface StoredRegistration {
  id: string;
  locationId: string;
  occurredAt: string;
  channel: string;
  duration: string;
  questions: { type: string; topic: string; help: string[]; agencies: string[] }[];
}

/** Every registration matching the query, following `nextCursor` to the last page. */
export async function listRegistrations(
  api: Api,
  query: { locationId?: string; from?: string; to?: string; topic?: string },
): Promise<StoredRegistration[]> {
  const out: StoredRegistration[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({
      ...(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<string, string>),
      limit: '500',
    });
    if (cursor) params.set('cursor', cursor);
    const page = await api.get<{ items: StoredRegistration[]; nextCursor?: string | null }>(`/api/v1/registrations?${params}`);
    out.push(...page.items);
    cursor = page.nextCursor ?? null;
  } while (cursor);
  return out;
}
