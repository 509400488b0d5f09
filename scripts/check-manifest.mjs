// Fails when the committed custom-elements.json is not what the analyzer makes of the widget now:
// IDEs, framework wrappers and the docs read that file, so a stale one misleads them quietly.
// Runs the analyzer into a temporary folder (the committed file stays as it is) and compares.
// `npm install` builds without the analyzer (the prepare script), so the file compared is the committed one.
//
//   node scripts/check-manifest.mjs      after changing an element: `npm run analyze` and commit the file
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The analyzer takes its output folder relative to the project.
const outdir = join('node_modules', '.cache', `ido-cem-${process.pid}`);
const out = join(root, outdir);
try {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet', '--outdir', outdir],
    { cwd: root, stdio: 'inherit' },
  );
  const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
  const committed = readFileSync(join(root, 'custom-elements.json'), 'utf8');
  if (JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(JSON.parse(committed))) {
    const [a, b] = [committed.split('\n'), fresh.split('\n')];
    const first = a.findIndex((line, i) => line !== b[i]);
    console.error(`custom-elements.json is stale: from line ${first + 1} it differs from what the widget declares now.`);
    console.error(`  committed: ${a[first]?.trim()}\n  now:       ${b[first]?.trim()}`);
    console.error('Run `npm run analyze` and commit custom-elements.json.');
    process.exit(1);
  }
  console.log('custom-elements.json is current');
} finally {
  rmSync(out, { recursive: true, force: true });
}
