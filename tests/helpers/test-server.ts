/**
 * A real IDO server for the browser tests: in-memory PGlite with the bundled postcodes and the demo
 * data, a PDOK stand-in for geocoding, listening on an ephemeral loopback port. web-test-runner
 * starts it (see web-test-runner.config.mjs) and hands what it prints to the test pages.
 *
 *   node --import tsx tests/helpers/test-server.ts --origin http://localhost:8000
 *
 * Its clock starts at a fixed instant (`DEFAULT_TEST_NOW` in tests/helpers/test-clock.ts, or
 * `IDO_TEST_NOW`) and runs on from there, and the demo visits are generated for that date, so the
 * tests see the same data on any day. Prints one JSON line on stdout when ready:
 *   { "url", "deskKey", "locationId", "locationName", "organisationId", "unboundDeskKey", "foreignDeskKey", "otherLocationIds", "clockOffsetMs" }
 * `deskKey` is the demo desk key (bound to `locationId`), `unboundDeskKey` a desk key of the same
 * organisation bound to no location; both accept the given origins. `foreignDeskKey` is a desk key
 * of the same location made for another website only (the test pages' origin is refused). `clockOffsetMs` is how far the
 * server's clock is ahead of the real one: the test pages give the elements the same clock
 * (`offsetClock` in test-clock.ts). Stops on SIGTERM or SIGINT.
 */
import { createHttpServer } from '../../server/http/node-server.js';
import type { AddressInfo } from 'node:net';
import { and, eq, isNull } from 'drizzle-orm';
import { createApp } from '../../server/app.js';
import { createDeps } from '../../server/bootstrap.js';
import { readConfig } from '../../server/env.js';
import { apiKeys, locations } from '../../server/db/schema.js';
import { createKey } from '../../server/services/accounts.js';
import { DEMO_DESK_KEY, seedDemo } from '../../server/services/demo.js';
import { loadPostcodesAtStart } from '../../server/services/postcodes.js';
import { sha256 } from '../../server/crypto.js';
import { startPdokStandin } from './pdok-standin.js';
import { DEFAULT_TEST_NOW, offsetClock, offsetTo } from './test-clock.js';

const origins: string[] = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--origin' && process.argv[i + 1]) origins.push(new URL(process.argv[++i]).origin);
}
if (!origins.length) origins.push('http://localhost:8000');

const pdok = await startPdokStandin();
const config = {
  ...readConfig({
    IDO_LOG: 'off',
    IDO_DATA_DIR: 'memory://',
    HOST: '127.0.0.1',
    PORT: '0',
    // Every test page calls the public endpoints; the limit is for the public, not for tests.
    IDO_PUBLIC_RATE_LIMIT: '100000',
    IDO_LOGIN_RATE_LIMIT: '1000',
  }),
  pdokUrl: pdok.url,
};
const testNow = new Date(process.env.IDO_TEST_NOW || DEFAULT_TEST_NOW);
if (Number.isNaN(testNow.getTime())) throw new Error(`IDO_TEST_NOW is not an instant: ${process.env.IDO_TEST_NOW}`);
const clockOffsetMs = offsetTo(testNow);
const deps = await createDeps(config, { clock: offsetClock(clockOffsetMs) });
// As `ido-server start` does: the bundled PC4 centroids, then the demo.
await loadPostcodesAtStart(deps.database);

// The demo desk key accepts the test page's origin (localhost and 127.0.0.1 on its port).
const pagePort = Number(new URL(origins[0]).port) || 80;
const demo = await seedDemo(deps, { origin: origins[0], port: pagePort });
if (!demo) throw new Error('The demo data could not be added to the test database.');
const { db } = deps.database;
const [key] = await db
  .select()
  .from(apiKeys)
  .where(eq(apiKeys.keyHash, sha256(DEMO_DESK_KEY)))
  .limit(1);
const allowed = [...new Set([...key.origins, ...origins])];
await db.update(apiKeys).set({ origins: allowed }).where(eq(apiKeys.id, key.id));
const orgLocations = await db
  .select({ id: locations.id, name: locations.name })
  .from(locations)
  .where(and(eq(locations.organisationId, key.organisationId), isNull(locations.deletedAt)));
const unbound = await createKey(deps.database, {
  organisationId: key.organisationId,
  kind: 'desk',
  locationId: null,
  origins: allowed,
  name: 'browser tests, no location',
  actor: 'test',
});

const foreign = await createKey(deps.database, {
  organisationId: key.organisationId,
  kind: 'desk',
  locationId: key.locationId,
  origins: ['https://intranet.elders.example'],
  name: 'browser tests, another website',
  actor: 'test',
});

const app = createApp(deps);
// As main.ts runs it (server/http/node-server.ts).
const server = createHttpServer(app.fetch);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

process.stdout.write(
  JSON.stringify({
    url: `http://127.0.0.1:${port}`,
    deskKey: DEMO_DESK_KEY,
    locationId: key.locationId,
    locationName: orgLocations.find((l) => l.id === key.locationId)?.name ?? demo.deskKeyLocation,
    organisationId: key.organisationId,
    unboundDeskKey: unbound.key,
    foreignDeskKey: foreign.key,
    otherLocationIds: orgLocations.filter((l) => l.id !== key.locationId).map((l) => l.id),
    clockOffsetMs,
  }) + '\n',
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  await pdok.close();
  await deps.database.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
// When web-test-runner dies without stopping us, our stdin closes: stop too.
process.stdin.on('end', () => void stop());
process.stdin.resume();
