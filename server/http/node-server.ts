/**
 * The Node HTTP server around the app, as `ido-server start` runs it (main.ts listens on it), with
 * one thing @hono/node-server does not do for us: an early answer leaves the connection usable.
 *
 * An answer given before the request body was read (413 once the size limit is passed, 401 without
 * credentials, 415 for another content type) leaves the rest of the body on the connection. Left
 * there, the client's next request on the same keep-alive connection fails ("other side closed"):
 * @hono/node-server reads on for at most 500 ms and then destroys the socket, whatever the client
 * was told. So instead:
 *
 * - a body of up to {@link DRAIN_MAX_BYTES} (more than the largest body the API accepts, 5 MiB) is
 *   read to its end and thrown away after the answer, and the connection stays open for the next
 *   request;
 * - a bigger body, or one without a length, is not worth reading: the answer says
 *   `Connection: close`, so the client opens a new connection for its next request, and what
 *   arrives meanwhile is read and dropped for a moment before the socket closes, so that the
 *   client gets its answer rather than a reset.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';

type Fetch = Parameters<typeof createAdaptorServer>[0]['fetch'];

/** Bodies up to this size are read to the end after an early answer, keeping the connection. */
export const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
/** A client that sends the rest of its body slower than this is cut off (it holds a connection). */
const DRAIN_TIMEOUT_MS = 30_000;
/** After `Connection: close`, how long what the client still sends is read before the socket closes. */
const LINGER_MS = 2_000;

/** What @hono/node-server passes to `fetch` besides the request (HTTP/1.1; the server speaks nothing else). */
interface Bindings {
  incoming: IncomingMessage;
  outgoing: ServerResponse;
}

/**
 * Creates the server (not listening yet).
 * @param fetch - the app's fetch, given the request and `{ incoming, outgoing }`
 * @param options - `hostname`: the host of request URLs that come without a Host header
 */
export function createHttpServer(fetch: Fetch, options: { hostname?: string } = {}): Server {
  return createAdaptorServer({
    hostname: options.hostname,
    // Our own cleanup below replaces the library's drain, which gives up after 500 ms.
    autoCleanupIncoming: false,
    fetch: async (request: Request, env: unknown) => {
      const response = (await fetch(request, env as Bindings)) as Response;
      const { incoming, outgoing } = env as Bindings;
      if (!hasBody(incoming) || incoming.readableEnded) return response;
      // The app answered without reading the whole body. The body is a web stream over the
      // socket (@hono/node-server makes it); unless the app holds it (it gave up half way), read
      // it to the end after the answer, or close if that is not worth it.
      const length = Number(incoming.headers['content-length']);
      const stream = request.body;
      const reader = stream && !stream.locked ? stream.getReader() : undefined;
      if (reader && Number.isFinite(length) && length <= DRAIN_MAX_BYTES) {
        outgoing.once('finish', () => void discard(reader, incoming, DRAIN_TIMEOUT_MS));
      } else {
        response.headers.set('Connection', 'close');
        outgoing.once('finish', () => (reader ? void discard(reader, incoming, LINGER_MS) : closeSoon(incoming)));
      }
      return response;
    },
  }) as Server;
}

function hasBody(incoming: IncomingMessage): boolean {
  const length = incoming.headers['content-length'];
  return (length !== undefined && length !== '0') || incoming.headers['transfer-encoding'] !== undefined;
}

/** Reads the rest of the body and drops it; a client that takes longer than `ms` loses its connection. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, incoming: IncomingMessage, ms: number) {
  const timer = setTimeout(() => incoming.socket?.destroy(), ms);
  timer.unref();
  try {
    for (;;) if ((await reader.read()).done) break;
  } catch {
    // The client went away: nothing left to read.
  } finally {
    clearTimeout(timer);
  }
}

/** After `Connection: close` with a body the app still holds: give the client a moment to read the answer, then close. */
function closeSoon(incoming: IncomingMessage) {
  const socket = incoming.socket;
  if (!socket || socket.destroyed) return;
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
