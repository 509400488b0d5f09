// Runs every node test (tests/**/*.test.ts, except the browser tests under tests/widget) with tsx.
// TEST_TIMEOUT_MS: how long one test file may take (10 minutes; the date runs under libfaketime allow more).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'widget' || name === 'bench' || name === 'helpers' ? [] : find(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length ? only : find('tests').sort();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', `--test-timeout=${process.env.TEST_TIMEOUT_MS ?? 600_000}`, ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
  },
);
process.exit(result.status ?? 1);
