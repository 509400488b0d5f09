/** The build's template minifier (scripts/rollup-minify-templates.mjs): what it may and may not change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, minifyCss, minifyHtml } from '../../scripts/rollup-minify-templates.mjs';

test('css: comments and insignificant whitespace go, strings and calc() spaces stay', () => {
  const css = `
  /* a comment */
  :host {
    color: var(--x, #000);
  }
  .a :is(b, c):hover,
  ol > li + li {
    content: '  > , ; ';
    inline-size: calc(100% - 2 * var(--_space));
  }
  @media (forced-colors: active) and (min-width: 30em) {
    .b { color: CanvasText !important; }
  }
`;
  assert.equal(
    minifyCss(css, { first: true, last: true }),
    ":host{color:var(--x,#000)}.a :is(b,c):hover,ol>li + li{content:'  > , ; ';inline-size:calc(100% - 2 * var(--_space))}" +
      '@media (forced-colors:active) and (min-width:30em){.b{color:CanvasText !important}}',
  );
});

test('css: an apostrophe in a comment starts no string (the rules after it are collapsed too)', () => {
  const css = `
  /* the radio's dot */
  .a {
    color: red;
  }
  /* the system's colour */
  .b {
    content: '/* kept */';
  }
`;
  assert.equal(minifyCss(css, { first: true, last: true }), ".a{color:red}.b{content:'/* kept */'}");
});

test('css: a space next to an interpolation is kept', () => {
  assert.equal(minifyCss('\n  a { color: ', { first: true, last: false }), 'a{color:');
  assert.equal(minifyCss(' solid\n', { first: false, last: true }), ' solid');
  assert.equal(minifyCss('  b  ', { first: false, last: false }), ' b ');
});

test('html: whitespace with a line break becomes one space, other text is untouched', () => {
  assert.equal(minifyHtml('<p>\n      <span>a</span>\n      <span>b</span>  c\n</p>'), '<p> <span>a</span> <span>b</span>  c </p>');
  assert.equal(minifyHtml('<button class="a"\n   type="button">Zoek  nu</button>'), '<button class="a" type="button">Zoek  nu</button>');
});

test('edits come with a source map that points back at the original lines', () => {
  const code = 'const a = 1;\nconst b = css`\n  x {\n    y: z;\n  }\n`;\nconst c = 3;\n';
  const start = code.indexOf('`') + 1;
  const end = code.lastIndexOf('`');
  const { code: out, map } = applyEdits(code, [[start, end, 'x{y:z}']], 'file.js');
  assert.equal(out, 'const a = 1;\nconst b = css`x{y:z}`;\nconst c = 3;\n');
  const lines = map.mappings.split(';');
  assert.equal(lines.length, 4);
  // Line 3 of the output ("const c = 3;") starts at original line 7 (index 6), column 0: relative to
  // the previous segment (the edit's end on line 6, index 5, column 0) that is one line down.
  assert.equal(lines[2], 'AACA');
});
