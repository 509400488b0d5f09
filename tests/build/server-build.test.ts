/**
 * The transpiled server (scripts/build-server.mjs → dist/node) and when bin/ido-server.mjs runs it:
 * only when it was built from the sources there are now.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT_DIR, STAMP, builtServer, sourceDigest } from '../../bin/server-build.mjs';
import { transpileServer } from '../../scripts/build-server.mjs';

/** The environment without DATABASE_URL: the command runs on a PGlite directory of its own. */
function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...env } = process.env;
  return env;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('which server bin/ido-server.mjs runs', () => {
  it('the built one only while every source is the one it was built from', () => {
    const root = mkdtempSync(join(tmpdir(), 'ido-server-build-'));
    try {
      mkdirSync(join(root, 'server'), { recursive: true });
      mkdirSync(join(root, 'sdk'), { recursive: true });
      writeFileSync(join(root, 'server', 'cli.ts'), 'export const a = 1;\n');
      writeFileSync(join(root, 'sdk', 'index.ts'), 'export const b = 2;\n');
      assert.equal(builtServer(root), null, 'never built');

      mkdirSync(join(root, OUT_DIR, 'server'), { recursive: true });
      writeFileSync(join(root, OUT_DIR, 'server', 'cli.js'), '');
      writeFileSync(join(root, OUT_DIR, STAMP), `${sourceDigest(root)}\n`);
      assert.equal(builtServer(root), join(root, OUT_DIR, 'server', 'cli.js'));

      writeFileSync(join(root, 'sdk', 'index.ts'), 'export const b = 3;\n');
      assert.equal(builtServer(root), null, 'a source edited since the build');
      writeFileSync(join(root, 'sdk', 'index.ts'), 'export const b = 2;\n');
      assert.ok(builtServer(root), 'the same content again');
      writeFileSync(join(root, 'server', 'new.ts'), 'export {};\n');
      assert.equal(builtServer(root), null, 'a source added since the build');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the transpiled server runs and finds its data beside the sources (migrations, value lists)', async () => {
    // Inside the repository, so that the output resolves the dependencies in node_modules.
    mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
    const out = mkdtempSync(join(repoRoot, '.tmp', 'server-build-'));
    try {
      assert.ok(transpileServer(repoRoot, out) > 50);
      const data = join(out, 'data');
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [join(out, 'server', 'cli.js'), 'migrate'],
          { env: { ...withoutDatabaseUrl(), IDO_DATA_DIR: data }, timeout: 300_000 },
          (error, stdout, stderr) => {
            resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
          },
        );
      });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /is up to date/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
