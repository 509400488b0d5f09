/** Starts the HTTP server and shuts it down cleanly on SIGTERM/SIGINT. The only file that listens. */
import type { AddressInfo } from 'node:net';
import { createHttpServer } from './http/node-server.js';
import { createApp } from './app.js';
import { waitForImports } from './services/imports.js';
import { createDeps } from './bootstrap.js';
import { acquireStartupLock } from './db/startup-lock.js';
import type { Config } from './env.js';
import { loadPostcodesAtStart } from './services/postcodes.js';
import { seedDemo, type DemoInfo } from './services/demo.js';
import { flushSearchDemand } from './services/search-demand.js';
import { startFolder } from './services/reports/fold.js';
import { startReportMailer } from './services/report-mail/scheduler.js';

/** How long a shutdown may take before the process gives up waiting for open requests. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

export async function start(config: Config) {
  // Servers started together on one PostgreSQL database take turns until the demo data is in;
  // the first does every step, the others find them done (PGlite: no lock, one process per dir).
  const startup = await acquireStartupLock(config.databaseUrl);
  const deps = await createDeps(config);
  // Postcode search without PDOK works from the first start: the bundled centroids, or IDO_PC4_FILE.
  const imported = await loadPostcodesAtStart(deps.database, config.pc4File);
  if (imported) deps.logger.info({ msg: 'imported postcodes', ...imported });
  const app = createApp(deps);

  // The demo desk key is bound to the server's own origin, whose port is only known once listening
  // (PORT=0 picks a free one). Requests that arrive while the demo is being added wait for it.
  let ready: Promise<unknown> = Promise.resolve();
  // An early answer (413, 401, 415) leaves the connection usable: see server/http/node-server.ts.
  const server = createHttpServer(
    async (request, env) => {
      await ready;
      return app.fetch(request, env);
    },
    { hostname: config.host },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
    server.listen(config.port, config.host);
  });
  const port = (server.address() as AddressInfo).port;
  const origin = config.publicUrl ? new URL(config.publicUrl).origin : `http://localhost:${port}`;

  if (config.demo) {
    const seeding = seedDemo(deps, { origin, port });
    ready = seeding;
    try {
      const demo = await seeding;
      if (demo) printDemo(demo, origin);
    } catch (error) {
      deps.logger.error({ msg: 'could not add the demo data', error });
      process.exit(1);
    }
  }
  await startup.release();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ msg: 'shutting down', signal });
    setTimeout(() => {
      deps.logger.error({ msg: 'shutdown timed out', ms: SHUTDOWN_TIMEOUT_MS });
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    // Keep-alive connections would hold the close open: end the idle ones now, the rest after a grace period.
    const closed = new Promise((resolve) => server.close(resolve));
    const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
    http.closeIdleConnections?.();
    setTimeout(() => http.closeAllConnections?.(), 2000).unref();
    await closed;
    // Locator searches are counted in memory and written in batches: write what is pending.
    await flushSearchDemand(deps.database).catch((error: unknown) => deps.logger.error({ msg: 'search demand flush failed', error }));
    // Background imports finish their current chunk; what is left can be imported again safely.
    await waitForImports();
    await folder.stop();
    await reportMailer.stop();
    await deps.rateLimiter.close?.();
    await deps.database.close();
    process.exit(0);
  };
  // The handlers go in before the first line that says the server is up: a SIGTERM sent as soon as
  // that line is read must still shut down cleanly (the signal's default would end the process at once).
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  deps.logger.info({ msg: 'listening', url: origin, port, database: deps.database.kind });
  // The report aggregates are brought up to date in the background; reports are exact without it.
  const folder = startFolder(() => deps.reports.fold(), { intervalMs: config.foldIntervalMs, logger: deps.logger });
  // Scheduled report mails that are due are sent by whichever server claims them first (services/report-mail).
  const reportMailer = startReportMailer(deps, config);

  return { server, deps, app, origin, port };
}

function printDemo(demo: DemoInfo, origin: string) {
  const width = Math.max(...demo.logins.map((l) => l.label.length)) + 2;
  const lines = [
    '',
    `  IDO demo: ${demo.logins.length - 1} library organisations, ${demo.registrations} visits${demo.seeded ? ' (demo data added now)' : ''}`,
    '',
    `  Demo pages:         ${origin}/`,
    `  API documentation:  ${origin}/api/v1/docs`,
    '',
    '  Logins (the rapportage page, or POST /api/v1/auth/login):',
    ...demo.logins.map((l) => `    ${l.label.padEnd(width)}${l.email}  /  ${l.password}`),
    '',
    `  Demo desk key (${demo.deskKeyLocation}; accepted from ${demo.origins.join(', ')}):`,
    `    ${demo.deskKey}`,
    '',
    '  Demo mode only: never set IDO_DEMO on a server with real data.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
