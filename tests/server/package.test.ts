/** The published package: what `exports` names exists after the build, and the SDK entry imports by its public name. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(root + 'package.json', 'utf8'));

describe('the npm package', () => {
  it('names an existing file, with types, for every export', () => {
    for (const [entry, target] of Object.entries(pkg.exports as Record<string, string | Record<string, string>>)) {
      if (typeof target === 'string') continue;
      assert.ok(target.types && target.import, `${entry} has types and import`);
      for (const file of Object.values(target)) assert.ok(existsSync(root + file), `${entry}: ${file} exists (run npm run build)`);
    }
    assert.ok(existsSync(root + pkg.customElements), 'custom-elements.json exists');
    assert.equal(pkg.bin['ido-server'], './bin/ido-server.mjs');
  });

  it('imports the SDK by its public name, with the client and the error classes', async () => {
    const sdk = await import('ido-registratie/sdk');
    assert.equal(typeof sdk.createIdoClient, 'function');
    assert.equal(typeof sdk.IdoHttpError, 'function');
    assert.equal(typeof sdk.findPersonalData, 'function');
    const client = sdk.createIdoClient({ baseUrl: 'http://127.0.0.1:9' });
    assert.equal(typeof client.registrations.create, 'function');
  });

  it('describes the three tags in custom-elements.json', () => {
    const manifest = JSON.parse(readFileSync(root + pkg.customElements, 'utf8'));
    const tags = manifest.modules.flatMap((m: { declarations?: { tagName?: string }[] }) =>
      (m.declarations ?? []).map((d) => d.tagName).filter(Boolean),
    );
    for (const tag of ['ido-registratie', 'ido-locator', 'ido-rapportage']) assert.ok(tags.includes(tag), tag);
  });
});
