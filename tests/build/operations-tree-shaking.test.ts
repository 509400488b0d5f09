/**
 * The built widget (dist/widget, made by `npm run build`) carries of each declared operation only
 * what the SDK's `call` reads (method, path, answers): not its id, access, problem statuses or the
 * schemas of its requests. See docs/decisions.md, "An operation is declared once".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPERATIONS } from '../../sdk/operations/index.js';

const root = fileURLToPath(new URL('../../dist/widget/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.js') ? [path] : [];
  });
const bundles = files(root).map((path) => ({ path, code: readFileSync(path, 'utf8') }));

test('no widget bundle carries what only the server reads of an operation', () => {
  assert.ok(bundles.length > 0, 'dist/widget is built');
  for (const { path, code } of bundles) {
    for (const op of OPERATIONS) assert.ok(!code.includes(`id:"${op.id}"`), `${path} holds the declaration of ${op.id}`);
    assert.doesNotMatch(code, /access:"(?:public|caller|desk|staff|national)"/, `${path} holds an operation's access`);
  }
});

test('the widget still calls the operations it uses, by path', () => {
  const all = bundles.map((b) => b.code).join('\n');
  for (const path of ['/api/v1/registrations', '/api/v1/public/locations', '/api/v1/reports/summary', '/api/v1/auth/me']) {
    assert.ok(all.includes(`"${path}"`), `a bundle calls ${path}`);
  }
});
