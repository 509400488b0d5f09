/** Real listening servers for tests that need a URL: the app on an ephemeral port, a plain handler, a dead port. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../server/http/node-server.js';

export interface Listening {
  url: string;
  close: () => Promise<void>;
}

/** Closes a server, ending open keep-alive connections so the close does not wait for them. */
export function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A plain node server on an ephemeral port. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => stop(server) };
}

/** The app (anything with a `fetch`) listening on an ephemeral port, as in production. */
export async function listenApp(app: { fetch: (request: Request) => Response | Promise<Response> }): Promise<Listening> {
  const server = createHttpServer(app.fetch);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => stop(server) };
}

/** A port on which nothing listens any more. */
export async function closedPort(): Promise<string> {
  const { url, close } = await listen(() => {});
  await close();
  return url;
}
