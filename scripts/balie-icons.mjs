// Draws the desk page's icons (balie/icons/): a white "i" above a counter on the blue of the
// buttons, as SVG, and the PNG sizes that install prompts and home screens ask for, rendered from
// that SVG by headless Chromium; also demo/favicon.ico (a 32 px PNG in an ICO file) for pages
// that name no icon of their own. Run again after changing the drawing:
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
  { name: 'favicon', from: 'icon.svg', size: 32, ico: new URL('../demo/favicon.ico', import.meta.url) },
];

/** An ICO file holding one PNG image (allowed since Windows Vista, read by every browser). */
function ico(png, size) {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // the image starts after this header
  return Buffer.concat([header, png]);
}

mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(icons)) writeFileSync(new URL(name, out), text);

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
try {
  for (const { name, from, size, ico: icoFile } of pngs) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const data = `data:image/svg+xml;base64,${Buffer.from(icons[from]).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${data}" width="${size}" height="${size}" alt="">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(icoFile ?? new URL(name, out), icoFile ? ico(png, size) : png);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons in ${out.pathname}`);
