// Draws the desk page's icons (balie/icons/): a white "i" above a counter on the blue of the
// buttons, as SVG, and the PNG sizes that install prompts and home screens ask for, rendered from
// that SVG by headless Chromium. Run again after changing the drawing:
//   node scripts/balie-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const out = new URL('../balie/icons/', import.meta.url);
const BLUE = '#1a5fb4';

/** The drawing on a 512 × 512 grid; `scale` shrinks it into a maskable icon's safe zone. */
const mark = (scale) => `<g transform="translate(256 256) scale(${scale}) translate(-256 -256)" fill="#ffffff">
    <circle cx="256" cy="132" r="42"/>
    <rect x="218" y="200" width="76" height="176" rx="14"/>
    <rect x="120" y="398" width="272" height="24" rx="12"/>
  </g>`;

/** `rounded`: corners of its own (for a browser tab or a desktop); a maskable icon is cut by the system. */
const svg = ({ rounded, scale }) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <title>IDO-balie</title>
  <rect width="512" height="512" ${rounded ? 'rx="96"' : ''} fill="${BLUE}"/>
  ${mark(scale)}
</svg>
`;

const icons = {
  'icon.svg': svg({ rounded: true, scale: 1 }),
  'icon-maskable.svg': svg({ rounded: false, scale: 0.78 }),
};
const pngs = [
  { name: 'icon-192.png', from: 'icon.svg', size: 192 },
  { name: 'icon-512.png', from: 'icon.svg', size: 512 },
  { name: 'icon-maskable-512.png', from: 'icon-maskable.svg', size: 512 },
  // iOS rounds the corners itself and shows transparency as black: the square, full-bleed drawing.
  { name: 'apple-touch-icon.png', from: 'icon-maskable.svg', size: 180 },
];

mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(icons)) writeFileSync(new URL(name, out), text);

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  for (const { name, from, size } of pngs) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const data = `data:image/svg+xml;base64,${Buffer.from(icons[from]).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${data}" width="${size}" height="${size}" alt="">`);
    await page.locator('img').evaluate((img) => img.decode());
    writeFileSync(new URL(name, out), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons in ${out.pathname}`);
