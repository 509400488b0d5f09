/**
 * A rollup plugin that shrinks the static text of Lit's tagged templates in our own widget code:
 * `css` (comments out, whitespace collapsed, none around `{ } ; , >` or after `:`) and `html` /
 * `svg` (every run of whitespace that holds a line break becomes one space: what the browser
 * renders anyway, so text a user sees keeps its spacing). Terser leaves template text alone, and
 * these templates are written indented for people, so this is pure weight.
 *
 * Runs after esbuild (the code is JavaScript, parsed with rollup's own parser) and answers a
 * source map of its edits, so the maps of ido.js still point into the TypeScript.
 *
 * Only the text between interpolations is touched, never an interpolation, and only templates
 * whose tag is the plain identifier `css`, `html` or `svg` (Lit's, as the widget imports them).
 */

/** @param {string} text one static part of a css`` template */
export function minifyCss(text, { first, last }) {
  // Strings stay as they are (`content: ''`); comments go (an apostrophe in one, "the radio's dot",
  // is no string); everything else is collapsed.
  const tokens = text.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/\*[\s\S]*?\*\/)/);
  const pieces = [''];
  for (let i = 0; i < tokens.length; i++) {
    if (i % 2 === 1 && !tokens[i].startsWith('/*')) pieces.push(tokens[i], '');
    else pieces[pieces.length - 1] += i % 2 === 1 ? ' ' : tokens[i];
  }
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 1) {
      out += pieces[i];
      continue;
    }
    out += pieces[i]
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}');
  }
  if (first) out = out.replace(/^ /, '');
  if (last) out = out.replace(/ $/, '');
  return out;
}

/** @param {string} text one static part of an html`` or svg`` template */
export function minifyHtml(text) {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

const TAGS = { css: minifyCss, html: minifyHtml, svg: minifyHtml };

/** Every node of an ESTree AST, depth first. */
function* nodes(node) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) yield* nodes(child);
    return;
  }
  if (typeof node.type === 'string') yield node;
  for (const key in node) {
    if (key !== 'type' && key !== 'start' && key !== 'end' && typeof node[key] === 'object') yield* nodes(node[key]);
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value) {
  let n = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = n & 31;
    n >>>= 5;
    if (n) digit |= 32;
    out += BASE64[digit];
  } while (n);
  return out;
}

/**
 * Applies non-overlapping edits `[start, end, text]` to `code` and answers the new code with a
 * source map from it to `code`: a segment at the start of every line and at every edit boundary.
 */
export function applyEdits(code, edits, source) {
  edits.sort((a, b) => a[0] - b[0]);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const locate = (pos) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return [lo, pos - lineStarts[lo]];
  };
  const lines = [[]];
  let out = '';
  let column = 0;
  const mark = (pos) => {
    const [line, col] = locate(pos);
    lines[lines.length - 1].push([column, line, col]);
  };
  // Copies code[from, to) unchanged, with a segment at its start and after each line break.
  const copy = (from, to) => {
    if (from >= to) return;
    mark(from);
    let pos = from;
    while (pos < to) {
      const newline = code.indexOf('\n', pos);
      if (newline === -1 || newline >= to) {
        out += code.slice(pos, to);
        column += to - pos;
        return;
      }
      out += code.slice(pos, newline + 1);
      lines.push([]);
      column = 0;
      pos = newline + 1;
      if (pos < to) mark(pos);
    }
  };
  let pos = 0;
  for (const [start, end, text] of edits) {
    copy(pos, start);
    if (text) {
      mark(start);
      const parts = text.split('\n');
      out += parts[0];
      column += parts[0].length;
      for (const part of parts.slice(1)) {
        lines.push([]);
        column = part.length;
        out += `\n${part}`;
      }
    }
    pos = end;
  }
  copy(pos, code.length);

  let prevLine = 0;
  let prevCol = 0;
  const mappings = lines
    .map((segments) => {
      let prevColumn = 0;
      return segments
        .map(([col, line, srcCol]) => {
          const segment = vlq(col - prevColumn) + vlq(0) + vlq(line - prevLine) + vlq(srcCol - prevCol);
          prevColumn = col;
          prevLine = line;
          prevCol = srcCol;
          return segment;
        })
        .join(',');
    })
    .join(';');
  return { code: out, map: { version: 3, sources: [source], sourcesContent: [code], names: [], mappings } };
}

/**
 * The edits that shrink the Lit templates of a module: `[start, end, text]` for each static part
 * that changes. `ast` is the module's ESTree AST (rollup's `this.parse` or `parseAst`).
 */
export function templateEdits(code, ast) {
  const edits = [];
  for (const node of nodes(ast)) {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') continue;
    const minify = TAGS[node.tag.name];
    if (!minify) continue;
    const quasis = node.quasi.quasis;
    quasis.forEach((quasi, i) => {
      const raw = code.slice(quasi.start, quasi.end);
      const next = minify(raw, { first: i === 0, last: i === quasis.length - 1 });
      if (next !== raw) edits.push([quasi.start, quasi.end, next]);
    });
  }
  return edits;
}

/**
 * @param {{ include?: (id: string) => boolean }} [options] which modules to treat (default: `/widget/` outside node_modules)
 * @returns {import('rollup').Plugin}
 */
export default function minifyTemplates(options = {}) {
  const include = options.include ?? ((id) => id.includes('/widget/') && !id.includes('/node_modules/'));
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include(id) || !/\b(?:css|html|svg)`/.test(code)) return null;
      const edits = templateEdits(code, this.parse(code));
      if (!edits.length) return null;
      return applyEdits(code, edits, id);
    },
  };
}
