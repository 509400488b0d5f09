/** `GET /api/v1/openapi.json` (public), `GET /healthz`, and a self-hosted page that renders it: `/api/v1/docs` with its script `/api/v1/docs.js`. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { sql } from 'drizzle-orm';
import { getOpenApi, health } from '../../../sdk/operations/system.js';
import { mount } from '../../http/mount.js';
import { ApiError } from '../../http/problem.js';
import { buildOpenApi } from '../../openapi/spec.js';
import type { Lang } from '../../../sdk/schemas/common.js';
import type { AppEnv } from '../../types.js';

interface Asset {
  body: string;
  etag: string;
}

const asset = (body: string): Asset => ({ body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` });

// The document is the same for every request of a process: build it once per server URL.
const documents = new Map<string, Asset>();
function openApiDocument(serverUrl: string | undefined): Asset {
  const key = serverUrl ?? '';
  let cached = documents.get(key);
  if (!cached) {
    cached = asset(JSON.stringify(buildOpenApi({ serverUrl })));
    documents.set(key, cached);
  }
  return cached;
}

const readBeside = (name: string) => readFileSync(new URL(`../../openapi/${name}`, import.meta.url), 'utf8');
let script: Asset | undefined;
let shell: string | undefined;

const PAGE_TEXT: Record<Lang, Record<string, string>> = {
  nl: {
    title: 'IDO-registratie API – documentatie',
    intro: 'Alle paden, parameters en schema\u2019s van de API, uit het OpenAPI-document van deze server.',
    skip: 'Naar de inhoud',
    toc: 'Inhoud',
    loading: 'De documentatie wordt geladen…',
    noscript: 'Deze pagina heeft JavaScript nodig. Het document zelf:',
  },
  en: {
    title: 'IDO-registratie API – documentation',
    intro: 'Every path, parameter and schema of the API, from this server\u2019s OpenAPI document.',
    skip: 'Skip to content',
    toc: 'Contents',
    loading: 'Loading the documentation…',
    noscript: 'This page needs JavaScript. The document itself:',
  },
};
const pages = new Map<Lang, Asset>();
function docsPage(lang: Lang): Asset {
  let page = pages.get(lang);
  if (!page) {
    shell ??= readBeside('docs-page.html');
    const text: Record<string, string> = { ...PAGE_TEXT[lang], lang };
    page = asset(shell.replace(/\{\{(\w+)\}\}/g, (_, key: string) => escapeHtml(text[key] ?? '')));
    pages.set(lang, page);
  }
  return page;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function send(c: Context<AppEnv>, file: Asset, type: string, cacheControl: string) {
  const headers = { 'Content-Type': type, 'Cache-Control': cacheControl, ETag: file.etag };
  if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
  return c.body(file.body, 200, headers);
}

export const openApiRoutes = new Hono<AppEnv>();

mount(openApiRoutes, getOpenApi, ({ c }) =>
  send(c, openApiDocument(c.var.deps.config.publicUrl), 'application/json; charset=utf-8', 'public, max-age=300'),
);

mount(openApiRoutes, health, async ({ c }) => {
  try {
    await c.var.deps.database.rows(sql`select 1`);
    return c.json({ status: 'ok', database: c.var.deps.database.kind });
  } catch {
    throw new ApiError('unavailable');
  }
});

// The page that renders the document is not an operation of the API.
openApiRoutes
  .get('/api/v1/docs', (c) => {
    c.header('Vary', 'Accept-Language');
    return send(c, docsPage(c.var.lang), 'text/html; charset=utf-8', 'no-cache');
  })
  .get('/api/v1/docs.js', (c) => {
    script ??= asset(readBeside('docs-page.js'));
    return send(c, script, 'text/javascript; charset=utf-8', 'no-cache');
  });
