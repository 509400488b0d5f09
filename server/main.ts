/** Starts the HTTP server and shuts it down cleanly on SIGTERM/SIGINT. The only file that listens. */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { createDeps } from './bootstrap.js';
import type { Config } from './env.js';
import { importPostcodesFile } from './services/postcodes.js';
import { seedDemo } from './services/demo.js';

export async function start(config: Config) {
  const deps = await createDeps(config);
  if (config.pc4File) {
    const count = await importPostcodesFile(deps.database, config.pc4File);
    deps.logger.info({ msg: 'imported postcodes', file: config.pc4File, count });
  }
  const origin = config.publicUrl ?? `http://localhost:${config.port}`;
  if (config.demo) {
    const demo = await seedDemo(deps, { origin });
    if (demo) printDemo(demo, origin);
  }
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  deps.logger.info({ msg: 'listening', url: origin, database: deps.database.kind });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ msg: 'shutting down', signal });
    // Keep-alive connections would hold the close open; end them.
    const closed = new Promise((resolve) => server.close(resolve));
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    setTimeout(() => (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(), 2000).unref();
    await closed;
    await deps.rateLimiter.close?.();
    await deps.database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return { server, deps, app };
}

function printDemo(demo: { logins: { role: string; email: string; password: string }[]; deskKey: string }, origin: string) {
  const lines = [
    '',
    '  IDO demo is running',
    `  Demo pages:     ${origin}/`,
    `  API:            ${origin}/api/v1/openapi.json`,
    ...demo.logins.map((l) => `  ${l.role.padEnd(14)}  ${l.email} / ${l.password}`),
    `  Demo desk key:  ${demo.deskKey}`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
