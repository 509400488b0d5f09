/** Running the `ido-server` command as users run it: a child process, against a database of its own. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../../bin/ido-server.mjs', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one command to its end. */
export function cli(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, IDO_LOG: 'off', ...env }, timeout: 180_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const clockAt = fileURLToPath(new URL('./clock-at.mjs', import.meta.url));

/**
 * Starts `ido-server start`; `started` resolves with the match once a stdout line matches `ready`.
 * With `IDO_TEST_CLOCK_AT` in `env`, the process's clock starts at that instant (tests/helpers/clock-at.mjs).
 */
export function startServer(env: Record<string, string | undefined>, ready: RegExp, timeoutMs = 180_000) {
  const preload = env.IDO_TEST_CLOCK_AT ? ['--import', clockAt] : [];
  const child = spawn(process.execPath, [...preload, bin, 'start'], {
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const started = new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${stdout}\n${stderr}`)), timeoutMs);
    child.stdout!.on('data', (d) => {
      stdout += d;
      const match = ready.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
  return { child, started, output: () => ({ stdout, stderr }) };
}

/** Sends SIGTERM and resolves with the exit code and how long the shutdown took. */
export function terminate(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve({ code: child.exitCode, ms: 0 });
    child.once('exit', (code) => resolve({ code, ms: Date.now() - t0 }));
    child.kill('SIGTERM');
  });
}

/** A database for the command: a temporary PGlite directory, or a new PostgreSQL database. */
export interface Target {
  name: 'pglite' | 'postgres';
  env: { IDO_DATA_DIR?: string; DATABASE_URL?: string };
  cleanup: () => Promise<void>;
}

export async function pgliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'ido-cli-'));
  return { name: 'pglite', env: { IDO_DATA_DIR: join(dir, 'data') }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function postgresTarget(): Promise<Target> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `ido_cli_${randomBytes(6).toString('hex')}`;
  const { default: postgres } = await import('postgres');
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    env: { DATABASE_URL: url.toString() },
    cleanup: async () => {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const cliTargets: { name: Target['name']; make: () => Promise<Target> }[] = [
  { name: 'pglite', make: pgliteTarget },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, make: postgresTarget }] : []),
];
