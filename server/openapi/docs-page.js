// Renders the API's own openapi.json as a readable, accessible page; no third-party code, no inline script (CSP).

const TEXT = {
  nl: {
    loading: 'De documentatie wordt geladen…',
    failed: 'De documentatie kon niet worden geladen. Open het document zelf:',
    contents: 'Inhoud',
    overview: 'Overzicht',
    auth: 'Inloggen en sleutels',
    errors: 'Foutmeldingen',
    errorsIntro:
      'Elke fout is een application/problem+json-document (RFC 9457). Standaard Nederlands; Engels met Accept-Language: en. Een 422 noemt elk fout veld in errors.',
    schemas: 'Schema\u2019s',
    parameters: 'Parameters',
    name: 'Naam',
    in: 'Waar',
    type: 'Soort',
    required: 'verplicht',
    requiredHeading: 'Verplicht',
    optional: 'optioneel',
    description: 'Uitleg',
    requestBody: 'Inhoud van het verzoek',
    responses: 'Antwoorden',
    status: 'Status',
    access: 'Toegang',
    scheme: 'Soort sleutel',
    format: 'Vorm',
    noOtherFields: 'geen andere velden toegestaan',
    oneOf: 'een van',
    anyOf: 'ten minste een van',
    values: 'waarden',
    default: 'standaard',
    min: 'minimaal',
    max: 'maximaal',
    items: ['element', 'elementen'],
    chars: ['teken', 'tekens'],
    pattern: 'patroon',
    nullable: 'of null',
    listOf: 'lijst van',
    object: 'object',
    any: 'willekeurige waarde',
    noBody: 'geen inhoud',
    see: 'zie',
    server: 'Server',
    version: 'versie',
  },
  en: {
    loading: 'Loading the documentation…',
    failed: 'The documentation could not be loaded. Open the document itself:',
    contents: 'Contents',
    overview: 'Overview',
    auth: 'Authentication and keys',
    errors: 'Errors',
    errorsIntro:
      'Every error is an application/problem+json document (RFC 9457). Dutch by default; English with Accept-Language: en. A 422 lists every broken field in errors.',
    schemas: 'Schemas',
    parameters: 'Parameters',
    name: 'Name',
    in: 'In',
    type: 'Type',
    required: 'required',
    requiredHeading: 'Required',
    optional: 'optional',
    description: 'Description',
    requestBody: 'Request body',
    responses: 'Responses',
    status: 'Status',
    access: 'Access',
    scheme: 'Scheme',
    format: 'Format',
    noOtherFields: 'no other fields allowed',
    oneOf: 'one of',
    anyOf: 'at least one of',
    values: 'values',
    default: 'default',
    min: 'at least',
    max: 'at most',
    items: ['item', 'items'],
    chars: ['character', 'characters'],
    pattern: 'pattern',
    nullable: 'or null',
    listOf: 'list of',
    object: 'object',
    any: 'any value',
    noBody: 'no body',
    see: 'see',
    server: 'Server',
    version: 'version',
  },
};

const lang = document.documentElement.lang === 'en' ? 'en' : 'nl';
const t = TEXT[lang];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Creates an element with attributes and children (strings become text, never HTML). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Text with `code` spans, as the document's descriptions use them. */
function prose(text) {
  if (!text) return [];
  return String(text)
    .split(/\n{2,}/)
    .map((para) =>
      h(
        'p',
        {},
        ...para
          .split(/(`[^`]+`)/)
          .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? h('code', {}, part.slice(1, -1)) : part)),
      ),
    );
}

/** One line of text with `code` spans. */
function inline(text) {
  return String(text || '')
    .split(/(`[^`]+`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? h('code', {}, part.slice(1, -1)) : part));
}

/** The Dutch text where the document has one (x-…-nl), the English one otherwise. */
const localised = (obj, key) => (lang === 'nl' && obj[`x-${key}-nl`]) || obj[key] || '';

const slug = (s) => String(s).replace(/[^A-Za-z0-9_-]+/g, '-');
const refName = (ref) => ref.split('/').pop();

function resolve(doc, value) {
  let v = value;
  for (let i = 0; v && v.$ref && i < 10; i++) {
    v = v.$ref
      .replace(/^#\//, '')
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((o, k) => (o ? o[k] : undefined), doc);
  }
  return v;
}

/** `anyOf: [X, null]` (a nullable field) read as X with a "nullable" mark. */
function unwrap(schema) {
  const alts = schema && schema.anyOf;
  if (alts && alts.length === 2 && !schema.properties) {
    const rest = alts.filter((a) => a.type !== 'null');
    if (rest.length === 1) return { ...rest[0], nullable: true };
  }
  return schema;
}

/** The type of a schema as a short text, with components linked. */
function typeNode(raw) {
  const schema = unwrap(raw);
  if (!schema || Object.keys(schema).length === 0) return [t.any];
  const tail = schema.nullable ? ` ${t.nullable}` : '';
  if (schema.$ref) return [h('a', { href: `#schema-${slug(refName(schema.$ref))}` }, refName(schema.$ref)), tail];
  if (schema.const !== undefined) return [JSON.stringify(schema.const), tail];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = types.includes('null') || schema.nullable;
  const main = types.filter((x) => x !== 'null');
  const out = [];
  if (main.includes('array') && schema.items) out.push(`${t.listOf} `, ...typeNode(schema.items));
  else if (schema.anyOf || schema.oneOf) out.push(schema.oneOf ? t.oneOf : t.anyOf);
  else out.push(main.join(' | ') || (schema.properties ? t.object : t.any));
  if (schema.format) out.push(` (${schema.format})`);
  if (nullable) out.push(` ${t.nullable}`);
  return out;
}

const typeText = (schema) =>
  typeNode(schema)
    .map((n) => (typeof n === 'string' ? n : n.textContent))
    .join('');

function constraints(schema) {
  const out = [];
  if (schema.enum)
    out.push(h('span', {}, `${t.values}: `, ...schema.enum.flatMap((v, i) => [i ? ', ' : '', h('code', {}, JSON.stringify(v))])));
  if (schema.default !== undefined) out.push(h('span', {}, `${t.default}: `, h('code', {}, JSON.stringify(schema.default))));
  const count = (n, [one, many]) => `${n} ${n === 1 ? one : many}`;
  if (schema.minLength !== undefined && schema.minLength > 0) out.push(`${t.min} ${count(schema.minLength, t.chars)}`);
  if (schema.maxLength !== undefined) out.push(`${t.max} ${count(schema.maxLength, t.chars)}`);
  if (schema.minItems !== undefined && schema.minItems > 0) out.push(`${t.min} ${count(schema.minItems, t.items)}`);
  if (schema.maxItems !== undefined) out.push(`${t.max} ${count(schema.maxItems, t.items)}`);
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  // Date and uuid patterns are long and say no more than their format.
  if (schema.pattern && !schema.format) out.push(h('span', {}, `${t.pattern}: `, h('code', {}, schema.pattern)));
  if (schema.additionalProperties === false) out.push(t.noOtherFields);
  return out.flatMap((c, i) => (i ? ['; ', c] : [c]));
}

/** A schema as a nested list; components are linked, not expanded, below the top level. */
function schemaTree(doc, raw, depth = 0) {
  if (!raw) return h('p', { class: 'note' }, t.noBody);
  if (raw.$ref && depth > 0) return h('span', {}, ...typeNode(raw));
  const s = unwrap(raw.$ref ? resolve(doc, raw) : raw);
  if (!s) return h('span', {}, '?');
  if (s.$ref) return h('span', {}, ...typeNode(s));
  const alternatives = s.oneOf || s.anyOf;
  if (s.properties) {
    const required = new Set(s.required || []);
    const items = Object.entries(s.properties).map(([name, prop]) => {
      const p = unwrap(prop);
      const nested = nestedSchema(p);
      const notes = constraints(p);
      return h(
        'li',
        {},
        h('code', {}, name),
        ' ',
        h('span', { class: 'type' }, ...typeNode(prop)),
        ' ',
        h('span', { class: 'req' }, required.has(name) ? t.required : t.optional),
        p.description ? [' — ', ...inline(localised(p, 'description'))] : '',
        notes.length ? [' · ', ...notes] : '',
        nested ? schemaTree(doc, nested, depth + 1) : '',
      );
    });
    const head = constraints(s);
    // `anyOf: [{ required: [a] }, { required: [b] }]`: at least one of these fields.
    if (alternatives && alternatives.every((a) => a.required && Object.keys(a).length === 1)) {
      head.push(
        head.length ? '; ' : '',
        `${t.anyOf}: `,
        ...alternatives.flatMap((a, i) => [i ? ', ' : '', h('code', {}, a.required.join(' + '))]),
      );
    }
    return h('div', {}, head.length ? h('p', { class: 'note' }, head) : '', h('ul', { class: 'schema' }, items));
  }
  if (alternatives) {
    return h(
      'div',
      {},
      h('span', { class: 'type' }, s.oneOf ? t.oneOf : t.anyOf),
      h(
        'ul',
        { class: 'schema' },
        alternatives.map((alt) => h('li', {}, schemaTree(doc, alt, depth + 1))),
      ),
    );
  }
  if (s.type === 'array' && s.items) {
    const nested = nestedSchema(unwrap(s.items)) ? s.items : null;
    return h(
      'div',
      {},
      h('span', { class: 'type' }, ...typeNode(s)),
      constraints(s).length ? [' · ', ...constraints(s)] : '',
      nested && !nested.$ref ? schemaTree(doc, nested, depth + 1) : '',
    );
  }
  return h('span', {}, h('span', { class: 'type' }, ...typeNode(s)), constraints(s).length ? [' · ', ...constraints(s)] : '');
}

/** The part of a property worth expanding inline: an object, an array of objects, or a union (components are linked instead). */
function nestedSchema(p) {
  if (!p || p.$ref) return null;
  if (p.properties || ((p.oneOf || p.anyOf) && !unwrap(p).$ref)) return p;
  const items = p.type === 'array' && p.items ? unwrap(p.items) : null;
  if (items && !items.$ref && (items.properties || items.anyOf || items.oneOf)) return items;
  return null;
}

function parametersTable(doc, parameters) {
  const rows = parameters.map((raw) => {
    const p = resolve(doc, raw);
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('code', {}, p.name)),
      h('td', {}, p.in),
      h(
        'td',
        {},
        ...typeNode(p.schema || {}),
        p.schema && constraints(p.schema).length ? h('div', { class: 'note' }, constraints(p.schema)) : '',
      ),
      h('td', {}, p.required ? t.required : t.optional),
      h('td', {}, ...inline(localised(p, 'description'))),
    );
  });
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [t.name, t.in, t.type, t.requiredHeading, t.description].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h('tbody', {}, rows),
  );
}

/** Media types with their schemas; a component already shown in this operation is linked, not repeated. */
function contentBlock(doc, content, shown) {
  return Object.entries(content || {}).map(([type, media]) => {
    const again = media.schema && media.schema.$ref && shown.has(media.schema.$ref);
    if (media.schema && media.schema.$ref) shown.add(media.schema.$ref);
    return h('div', {}, h('p', {}, h('code', {}, type)), media.schema ? schemaTree(doc, media.schema, again ? 1 : 0) : '');
  });
}

function operationBlock(doc, path, method, op) {
  const id = `op-${slug(op.operationId || `${method}-${path}`)}`;
  const body = h('div', {});
  const shown = new Set();
  body.append(...prose(localised(op, 'description').replace(/(^|\n\n)Access: .*$/s, '')));
  const schemes = (op.security || []).flatMap((req) => Object.keys(req));
  body.append(
    h(
      'p',
      {},
      h('strong', {}, `${t.access}: `),
      op[`x-access-${lang}`] || '',
      schemes.length ? [' (', ...schemes.flatMap((s, i) => [i ? ', ' : '', h('a', { href: `#auth-${slug(s)}` }, s)]), ')'] : '',
    ),
  );
  const params = (op.parameters || []).filter((p) => resolve(doc, p).in !== 'header');
  if (params.length) body.append(h('h4', {}, t.parameters), parametersTable(doc, params));
  if (op.requestBody) {
    const rb = resolve(doc, op.requestBody);
    body.append(h('h4', {}, t.requestBody), ...contentBlock(doc, rb.content, shown));
  }
  const responses = Object.entries(op.responses || {});
  body.append(h('h4', {}, t.responses));
  body.append(
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t.status, t.description].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        responses.map(([status, raw]) => {
          const r = resolve(doc, raw);
          const isProblem = raw.$ref && r.content && r.content['application/problem+json'];
          return h(
            'tr',
            {},
            h('th', { scope: 'row' }, h('code', {}, status)),
            h(
              'td',
              {},
              ...inline(localised(r, 'description')),
              isProblem ? [' ', h('a', { href: '#errors' }, `(${t.see} ${t.errors.toLowerCase()})`)] : contentBlock(doc, r.content, shown),
            ),
          );
        }),
      ),
    ),
  );
  return h(
    'details',
    { class: 'op', id },
    h(
      'summary',
      {},
      h(
        'h3',
        {},
        h('span', { class: `method method-${method}` }, method.toUpperCase()),
        ' ',
        h('code', { class: 'path' }, path),
        ' — ',
        localised(op, 'summary'),
      ),
    ),
    body,
  );
}

function render(doc) {
  const main = document.getElementById('main');
  const toc = document.getElementById('toc');
  const info = doc.info || {};
  document.getElementById('intro').append(` (${t.version} ${info.version || '?'})`);

  const ops = [];
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const method of METHODS) if (item[method]) ops.push({ path, method, op: item[method] });
  }
  const tags = (doc.tags || []).map((tag) => ({ ...tag, ops: ops.filter((o) => (o.op.tags || [])[0] === tag.name) }));

  const tocList = h(
    'ul',
    {},
    h('li', {}, h('a', { href: '#overview' }, t.overview)),
    h('li', {}, h('a', { href: '#auth' }, t.auth)),
    h('li', {}, h('a', { href: '#errors' }, t.errors)),
    tags.map((tag) =>
      h(
        'li',
        {},
        h('a', { href: `#tag-${slug(tag.name)}` }, localised(tag, 'description') || tag.name),
        h(
          'ul',
          {},
          tag.ops.map((o) =>
            h('li', {}, h('a', { href: `#op-${slug(o.op.operationId)}` }, `${o.method.toUpperCase()} ${o.path.replace(/^\/api\/v1/, '')}`)),
          ),
        ),
      ),
    ),
    h('li', {}, h('a', { href: '#schemas' }, t.schemas)),
  );
  toc.replaceChildren(h('h2', { class: 'toc-title' }, t.contents), tocList);

  const sections = [];
  sections.push(
    h(
      'section',
      { 'aria-labelledby': 'overview' },
      h('h2', { id: 'overview' }, t.overview),
      prose(info.description),
      (doc.servers || []).map((s) => h('p', {}, `${t.server}: `, h('code', {}, s.url))),
    ),
  );

  const schemes = Object.entries((doc.components || {}).securitySchemes || {});
  sections.push(
    h(
      'section',
      { 'aria-labelledby': 'auth' },
      h('h2', { id: 'auth' }, t.auth),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [t.name, t.scheme, t.format, t.description].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          schemes.map(([name, s]) =>
            h(
              'tr',
              { id: `auth-${slug(name)}` },
              h('th', { scope: 'row' }, h('code', {}, name)),
              h('td', {}, `${s.type} ${s.scheme || ''}`),
              h('td', {}, h('code', {}, s.bearerFormat || '')),
              h('td', {}, prose(s.description)),
            ),
          ),
        ),
      ),
    ),
  );

  sections.push(
    h(
      'section',
      { 'aria-labelledby': 'errors' },
      h('h2', { id: 'errors' }, t.errors),
      h('p', {}, t.errorsIntro),
      schemaTree(doc, { $ref: '#/components/schemas/Problem' }, 0),
    ),
  );

  for (const tag of tags) {
    if (!tag.ops.length) continue;
    sections.push(
      h(
        'section',
        { 'aria-labelledby': `tag-${slug(tag.name)}` },
        h('h2', { id: `tag-${slug(tag.name)}` }, localised(tag, 'description') || tag.name),
        tag.ops.map((o) => operationBlock(doc, o.path, o.method, o.op)),
      ),
    );
  }

  const schemas = Object.entries((doc.components || {}).schemas || {});
  sections.push(
    h(
      'section',
      { 'aria-labelledby': 'schemas' },
      h('h2', { id: 'schemas' }, t.schemas),
      schemas.map(([name, schema]) =>
        h(
          'div',
          { class: 'schema-def', id: `schema-${slug(name)}` },
          h('h3', {}, name),
          prose(localised(schema, 'description')),
          schemaTree(doc, schema, 0),
        ),
      ),
    ),
  );

  main.replaceChildren(...sections);
  openTarget();
}

/** Opens the operation a link points at, so that following a link shows it. */
function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) return;
  const details = target.closest('details');
  if (details) details.open = true;
  target.scrollIntoView();
}

window.addEventListener('hashchange', openTarget);

try {
  const res = await fetch(new URL('openapi.json', document.baseURI), { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(String(res.status));
  render(await res.json());
} catch {
  const status = document.getElementById('status');
  status.replaceChildren(t.failed, ' ', h('a', { href: 'openapi.json' }, 'openapi.json'));
}
