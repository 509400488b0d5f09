/**
 * Memory of `ido-server start` on PGlite, as `npm start` runs it (demo mode, a data directory of
 * its own): the resident set (RSS) of the server process during the first start (which adds the
 * demo data), idle after it, idle after a restart on the reopened directory, and during and after a
 * write load (POST /api/v1/registrations from `--clients` loops for `--seconds`). Linux only: it
 * reads /proc/<pid>/status. Goals (issue 15): ≤ 200 MB idle after start, ≤ 300 MB under the load.
 *
 *   npm run build && node --import tsx tests/bench/memory.ts [--seconds 20] [--clients 10] [--idle 5] [--root DIR]
 *
 * `--root` measures another checkout's server (a worktree of the commit before, for a before/after).
 * BENCH_NODE_ARGS passes flags to the server's node (as in the other benchmarks).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_COORDINATOR_PASSWORD, demoCoordinatorEmail } from '../../server/services/demo.js';
import { fmt, httpRequest, repoRoot } from './lib.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '10' },
    idle: { type: 'string', default: '5' },
    root: { type: 'string', default: repoRoot },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const idleSeconds = Number(values.idle);

const MB = 1024;
/** Resident and peak resident set of a process, in MB. */
function rss(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / MB, hwm: kb('VmHWM') / MB };
}

/** RSS of a process and every process below it (the first start creates the data directory in a child), in MB. */
function treeRss(pid: number): number {
  let total = 0;
  try {
    total = rss(pid).rss;
  } catch {
    return 0;
  }
  let children: string[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    /* gone */
  }
  return total + children.reduce((sum, child) => sum + treeRss(Number(child)), 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  url: string;
  child: ChildProcess;
  peakDuringStart: number;
  treePeak: number;
  startMs: number;
}

/** `ido-server start` in demo mode on `dataDir`, sampled every 50 ms until /healthz answers. */
async function start(dataDir: string, port: number): Promise<Server> {
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, 'bin/ido-server.mjs', 'start'], {
    cwd: values.root,
    env: {
      ...process.env,
      IDO_DEMO: '1',
      IDO_DATA_DIR: dataDir,
      IDO_LOG: 'off',
      PORT: String(port),
      HOST: '127.0.0.1',
      IDO_PDOK_URL: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  let peak = 0;
  let treePeak = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      peak = Math.max(peak, rss(child.pid!).rss);
    } catch {
      /* not yet */
    }
    treePeak = Math.max(treePeak, treeRss(child.pid!));
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (performance.now() - t0 > 300_000) throw new Error('the server did not start in 5 minutes');
    await sleep(50);
  }
  return { url, child, peakDuringStart: Math.max(peak, rss(child.pid!).hwm), treePeak, startMs: performance.now() - t0 };
}

async function stop(server: Server) {
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
}

/** RSS after `idleSeconds` without requests (the background folder runs meanwhile). */
async function idle(server: Server): Promise<number> {
  await sleep(idleSeconds * 1000);
  return rss(server.child.pid!).rss;
}

/** A coordinator's session and one of its locations, through the API. */
async function login(url: string): Promise<{ token: string; locationId: string }> {
  const auth = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoCoordinatorEmail('utrecht'), password: DEMO_COORDINATOR_PASSWORD }),
  });
  if (!auth.ok) throw new Error(`login: ${auth.status} ${await auth.text()}`);
  const { token } = (await auth.json()) as { token: string };
  const list = await fetch(`${url}/api/v1/locations`, { headers: { authorization: `Bearer ${token}` } });
  const { items } = (await list.json()) as { items: { id: string }[] };
  return { token, locationId: items[0].id };
}

/** `clients` loops posting visits for `seconds`, sampling the server's RSS every 100 ms. */
async function load(server: Server): Promise<{ peak: number; requests: number; errors: number; ms: number }> {
  const { token, locationId } = await login(server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const target = new URL(`${server.url}/api/v1/registrations`);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  let peak = 0;
  let requests = 0;
  let errors = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss(server.child.pid!).rss);
  }, 100);
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const body = {
          id: randomUUID(),
          locationId,
          channel: 'balie',
          duration: '5-15',
          questions: [{ type: 'digitale-overheid', topic: 'huurtoeslag', agencies: ['dienst-toeslagen'], help: ['digitaal-contact'] }],
        };
        const status = await httpRequest(agent, target, { method: 'POST', headers, body: JSON.stringify(body) });
        requests++;
        if (status !== 201) errors++;
      }
    }),
  );
  clearInterval(sampler);
  agent.destroy();
  return { peak: Math.max(peak, rss(server.child.pid!).rss), requests, errors, ms: performance.now() - t0 };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ido-memory-'));
  const dataDir = join(dir, 'data');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const rows: [string, string][] = [];
  try {
    const first = await start(dataDir, port);
    rows.push(['first start (adds the demo), peak', `${fmt(first.peakDuringStart, 0)} MB (healthy in ${fmt(first.startMs / 1000)} s)`]);
    rows.push(['  …with its child processes (sampled), peak', `${fmt(first.treePeak, 0)} MB`]);
    rows.push([`idle ${idleSeconds} s after the first start`, `${fmt(await idle(first), 0)} MB`]);
    await stop(first);

    const again = await start(dataDir, port);
    rows.push(['reopened data dir: start, peak', `${fmt(again.peakDuringStart, 0)} MB (healthy in ${fmt(again.startMs / 1000)} s)`]);
    rows.push([`idle ${idleSeconds} s after start (goal ≤ 200 MB)`, `${fmt(await idle(again), 0)} MB`]);
    const w = await load(again);
    rows.push([
      `writes, ${clients} clients, ${seconds} s: peak (goal ≤ 300 MB)`,
      `${fmt(w.peak, 0)} MB (${fmt(w.requests / (w.ms / 1000), 0)} req/s, ${w.errors} errors)`,
    ]);
    rows.push([`idle ${idleSeconds} s after the writes`, `${fmt(await idle(again), 0)} MB`]);
    await stop(again);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `ido-server start on PGlite (IDO_DEMO=1) in ${values.root}, node ${process.version}${process.env.BENCH_NODE_ARGS ? `, ${process.env.BENCH_NODE_ARGS}` : ''}: resident set (RSS)`,
  );
  for (const [label, value] of rows) console.log(`  ${label.padEnd(52)} ${value}`);
}

await main();
