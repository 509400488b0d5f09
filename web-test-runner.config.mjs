// Browser tests (tests/widget/**/*.test.ts) in real headless Chromium, against a real IDO server:
// the plugin below starts tests/helpers/test-server.ts (in-memory PGlite with the demo data) before
// the first test, and gives each test page what it printed as `window.IDO_TEST` (and at
// /test-config.json). The server's clock starts at a fixed date (IDO_TEST_NOW chooses another), and
// tests/widget/server-clock.ts gives the elements on each page the same clock, so the tests see the
// same data on any day. Set IDO_TEST_API (and IDO_TEST_DESK_KEY, IDO_TEST_LOCATION) to use a server
// that is already running instead (with its own, real clock).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starting PGlite and adding a year of demo visits takes a while on a busy machine. */
const SERVER_START_TIMEOUT_MS = 180_000;

function idoTestServer() {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {Record<string, unknown> | undefined} */
  let info;

  return {
    name: 'ido-test-server',
    async serverStart({ config }) {
      if (process.env.IDO_TEST_API) {
        info = {
          url: process.env.IDO_TEST_API,
          deskKey: process.env.IDO_TEST_DESK_KEY ?? 'ido_dk_demo_0000000000000000000000000000000000000000',
          locationId: process.env.IDO_TEST_LOCATION ?? null,
        };
        return;
      }
      const origin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      // stdin stays open as a lifeline: the server stops when this process goes away.
      child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/test-server.ts', '--origin', origin], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      info = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The IDO test server did not start in time.')), SERVER_START_TIMEOUT_MS);
        child.once('exit', (code) => reject(new Error(`The IDO test server stopped (exit code ${code}).`)));
        createInterface({ input: child.stdout }).on('line', (line) => {
          if (!line.startsWith('{')) return;
          clearTimeout(timer);
          resolve(JSON.parse(line));
        });
      });
    },
    async serverStop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    },
    serve(context) {
      if (context.path === '/test-config.json') return { body: JSON.stringify(info ?? {}), type: 'json' };
      return undefined;
    },
    /** The test pages get the server's address before any test code runs. */
    transform(context) {
      if (context.response.is('html') && info) {
        const script = `<script>window.IDO_TEST=${JSON.stringify(info)};window.IDO_TEST_API=window.IDO_TEST.url;</script>`;
        return { body: context.body.replace(/<head>|<html[^>]*>/i, (tag) => `${tag}${script}`) };
      }
      return undefined;
    },
  };
}

export default {
  files: ['tests/widget/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROME_ARGS,
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), idoTestServer()],
  testFramework: {
    config: { timeout: 20_000 },
  },
  testsFinishTimeout: 10 * 60_000,
  browserStartTimeout: 60_000,
};
