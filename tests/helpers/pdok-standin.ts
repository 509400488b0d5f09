/**
 * A stand-in for the PDOK Locatieserver (v3_1 `/free`), on loopback, port 0. It answers in PDOK's
 * response format for a few known postcodes and places, rejects query parameters that are not in
 * PDOK's OpenAPI description with 400 (as v3_1 does), and can be told to fail or hang so that
 * timeouts and fallbacks can be tested.
 *
 * @example
 * const pdok = await startPdokStandin();
 * const ctx = await createTestContext(backend, { config: { pdokUrl: pdok.url } });
 * pdok.mode = 'hang';
 * await pdok.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PdokDoc {
  type: 'postcode' | 'woonplaats' | 'gemeente' | 'adres' | 'weg';
  weergavenaam: string;
  postcode?: string;
  woonplaatsnaam?: string;
  /** Addresses (`type: 'adres'`) only. */
  straatnaam?: string;
  huisnummer?: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  gemeentenaam?: string;
  provincienaam?: string;
  /** WKT, longitude first. */
  centroide_ll: string;
}

/** Known places; coordinates are close to the real ones, good enough for distance tests. */
export const STANDIN_DOCS: PdokDoc[] = [
  {
    type: 'postcode',
    weergavenaam: 'Oudegracht, 3511AB Utrecht',
    postcode: '3511AB',
    woonplaatsnaam: 'Utrecht',
    centroide_ll: 'POINT(5.1186 52.0916)',
  },
  {
    type: 'postcode',
    weergavenaam: 'Domplein, 3512JC Utrecht',
    postcode: '3512JC',
    woonplaatsnaam: 'Utrecht',
    centroide_ll: 'POINT(5.1214 52.0907)',
  },
  {
    type: 'postcode',
    weergavenaam: 'Dam, 1012JS Amsterdam',
    postcode: '1012JS',
    woonplaatsnaam: 'Amsterdam',
    centroide_ll: 'POINT(4.8926 52.3731)',
  },
  {
    type: 'postcode',
    weergavenaam: 'Grote Markt, 9711LV Groningen',
    postcode: '9711LV',
    woonplaatsnaam: 'Groningen',
    centroide_ll: 'POINT(6.5680 53.2190)',
  },
  {
    type: 'postcode',
    weergavenaam: 'Vrijthof, 6211LE Maastricht',
    postcode: '6211LE',
    woonplaatsnaam: 'Maastricht',
    centroide_ll: 'POINT(5.6866 50.8484)',
  },
  {
    type: 'adres',
    weergavenaam: 'Oudegracht 11, 3511AB Utrecht',
    straatnaam: 'Oudegracht',
    huisnummer: 11,
    postcode: '3511AB',
    woonplaatsnaam: 'Utrecht',
    gemeentenaam: 'Utrecht',
    provincienaam: 'Utrecht',
    centroide_ll: 'POINT(5.11912 52.09210)',
  },
  {
    type: 'adres',
    weergavenaam: 'Oudegracht 11A, 3511AB Utrecht',
    straatnaam: 'Oudegracht',
    huisnummer: 11,
    huisletter: 'A',
    postcode: '3511AB',
    woonplaatsnaam: 'Utrecht',
    gemeentenaam: 'Utrecht',
    provincienaam: 'Utrecht',
    centroide_ll: 'POINT(5.11915 52.09212)',
  },
  {
    type: 'adres',
    weergavenaam: 'Domplein 4, 3512JC Utrecht',
    straatnaam: 'Domplein',
    huisnummer: 4,
    postcode: '3512JC',
    woonplaatsnaam: 'Utrecht',
    gemeentenaam: 'Utrecht',
    provincienaam: 'Utrecht',
    centroide_ll: 'POINT(5.12106 52.09066)',
  },
  { type: 'woonplaats', weergavenaam: 'Utrecht, Utrecht, Utrecht', woonplaatsnaam: 'Utrecht', centroide_ll: 'POINT(5.0919 52.0914)' },
  {
    type: 'woonplaats',
    weergavenaam: 'Amsterdam, Amsterdam, Noord-Holland',
    woonplaatsnaam: 'Amsterdam',
    centroide_ll: 'POINT(4.8936 52.3728)',
  },
  { type: 'woonplaats', weergavenaam: 'Zwolle, Zwolle, Overijssel', woonplaatsnaam: 'Zwolle', centroide_ll: 'POINT(6.0944 52.5125)' },
  {
    type: 'woonplaats',
    weergavenaam: 'Groningen, Groningen, Groningen',
    woonplaatsnaam: 'Groningen',
    centroide_ll: 'POINT(6.5665 53.2194)',
  },
];

/** The `/free` query parameters of PDOK's v3_1 OpenAPI description; anything else is a 400. */
const ALLOWED = new Set(['q', 'fq', 'fl', 'rows', 'start', 'sort', 'df', 'bq', 'lat', 'lon', 'wt']);

export type StandinMode = 'ok' | 'fail' | 'hang' | 'garbage';

export interface PdokStandin {
  /** Base URL, like `https://api.pdok.nl/bzk/locatieserver/search/v3_1`. */
  url: string;
  /** `fail`: 503; `hang`: accept and never answer; `garbage`: 200 with a body that is not PDOK's. */
  mode: StandinMode;
  /** Every request received, in order. */
  requests: URL[];
  close(): Promise<void>;
}

const BASE_PATH = '/bzk/locatieserver/search/v3_1';

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** `type:postcode`, `type:(woonplaats OR gemeente)`; null when the filter names no type. */
function typesOf(fq: string[]): Set<string> | null {
  for (const f of fq) {
    const m = /^type:\(?([a-z ]+(?:\s+OR\s+[a-z]+)*)\)?$/i.exec(f.trim());
    if (m) return new Set(m[1].split(/\s+OR\s+/i).map((t) => t.trim().toLowerCase()));
  }
  return null;
}

/**
 * A small imitation of PDOK's free search: an exact postcode match, or a place name. Like PDOK, a
 * postcode that does not exist may still match a neighbour with the same four digits (PDOK's search
 * is fuzzy), so clients must check the postcode they get back.
 */
function search(q: string, types: Set<string> | null, docs: PdokDoc[], fields: Map<string, string>): PdokDoc[] {
  // Field filters (`fq=postcode:3511AB`, `fq=huisnummer:11`) narrow exactly, as in PDOK's Solr.
  const matches = (d: PdokDoc) => [...fields].every(([k, v]) => String((d as unknown as Record<string, unknown>)[k] ?? '') === v);
  const wanted = (d: PdokDoc) => (!types || types.has(d.type)) && matches(d);
  if (types?.has('adres') && fields.size) return docs.filter(wanted);
  const compact = q.replace(/\s+/g, '').toUpperCase();
  if (/^[1-9]\d{3}[A-Z]{2}$/.test(compact)) {
    const exact = docs.filter((d) => wanted(d) && d.postcode === compact);
    if (exact.length) return exact;
    return docs.filter((d) => wanted(d) && d.postcode?.startsWith(compact.slice(0, 4)));
  }
  const name = q.trim().toLowerCase();
  return docs.filter((d) => wanted(d) && (d.woonplaatsnaam?.toLowerCase() === name || d.weergavenaam.toLowerCase().startsWith(`${name},`)));
}

export async function startPdokStandin(options: { docs?: PdokDoc[] } = {}): Promise<PdokStandin> {
  const docs = options.docs ?? STANDIN_DOCS;
  const hanging = new Set<ServerResponse>();
  const standin: PdokStandin = { url: '', mode: 'ok', requests: [], close: async () => {} };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    standin.requests.push(url);
    if (standin.mode === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (standin.mode === 'fail') return send(res, 503, { type: 'about:blank', title: 'Service Unavailable', status: 503 });
    if (standin.mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html>maintenance</html>');
    }
    if (req.method !== 'GET' || url.pathname !== `${BASE_PATH}/free`) return send(res, 404, { title: 'Not Found', status: 404 });
    const unknown = [...url.searchParams.keys()].filter((k) => !ALLOWED.has(k));
    if (unknown.length) {
      return send(res, 400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: `unknown query parameter(s): ${unknown.join(', ')}`,
      });
    }
    const q = url.searchParams.get('q') ?? '';
    const rows = Number(url.searchParams.get('rows') ?? 10);
    const start = Number(url.searchParams.get('start') ?? 0);
    if (!Number.isInteger(rows) || rows < 0 || rows > 100 || !Number.isInteger(start) || start < 0) {
      return send(res, 400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'invalid rows or start' });
    }
    const fq = url.searchParams.getAll('fq');
    const fields = new Map(
      fq.flatMap((f) => {
        const m = /^(postcode|huisnummer):(\S+)$/.exec(f.trim());
        return m ? [[m[1], m[2]] as [string, string]] : [];
      }),
    );
    const found = search(q, typesOf(fq), docs, fields);
    const fl = url.searchParams
      .get('fl')
      ?.split(/[,\s]+/)
      .filter(Boolean);
    const pick = (d: PdokDoc) => (fl && !fl.includes('*') ? Object.fromEntries(Object.entries(d).filter(([k]) => fl.includes(k))) : d);
    send(res, 200, {
      response: {
        numFound: found.length,
        start,
        maxScore: found.length ? 10.5 : 0,
        numFoundExact: true,
        docs: found.slice(start, start + rows).map(pick),
      },
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  standin.url = `http://127.0.0.1:${port}${BASE_PATH}`;
  standin.close = async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return standin;
}
