// Screenshots of the demo pages in headless Chromium, for looking at them and for the README.
//   node scripts/screenshots.mjs http://localhost:3000 [out-dir]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });

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

/** Each page with what a visitor does before the picture is taken. */
const pages = [
  { name: 'index', path: '/' },
  {
    name: 'registratie',
    path: '/registratie.html',
    act: async (page) => {
      await page
        .getByRole('button', { name: /huurtoeslag/i })
        .first()
        .click();
    },
  },
  {
    name: 'locator',
    path: '/locator.html',
    act: async (page) => {
      await page
        .getByLabel(/postcode/i)
        .first()
        .fill('3512 AE');
      await page.keyboard.press('Enter');
      await page
        .getByText(/informatiepunt(en)? gevonden/i)
        .first()
        .waitFor();
    },
  },
  {
    name: 'rapportage',
    path: '/rapportage.html',
    act: async (page) => {
      await page
        .getByLabel(/e-mail/i)
        .first()
        .fill('coordinator.utrecht@demo.ido-registratie.nl');
      await page
        .getByLabel(/wachtwoord/i)
        .first()
        .fill('demo-coordinator-2026');
      await page
        .getByRole('button', { name: /inloggen/i })
        .first()
        .click();
      await page
        .getByText(/bezoeken/i)
        .first()
        .waitFor();
      await page.waitForTimeout(1500); // charts load as a lazy chunk and draw once measured
    },
  },
  {
    name: 'beheer',
    path: '/beheer.html',
    act: async (page) => {
      await page
        .getByLabel(/e-mail/i)
        .first()
        .fill('coordinator.utrecht@demo.ido-registratie.nl');
      await page
        .getByLabel(/wachtwoord/i)
        .first()
        .fill('demo-coordinator-2026');
      await page
        .getByRole('button', { name: /inloggen/i })
        .first()
        .click();
      await page
        .getByText(/\d+ locaties/)
        .first()
        .waitFor();
    },
  },
];

for (const width of [1280, 320]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  for (const p of pages) {
    const page = await context.newPage();
    await page.goto(base + p.path, { waitUntil: 'networkidle' });
    try {
      await p.act?.(page);
    } catch (error) {
      console.error(`${p.name} at ${width}px: ${error.message.split('\n')[0]}`);
    }
    await page.screenshot({ path: `${out}/${p.name}-${width}.png`, fullPage: process.env.FULL_PAGE !== '0' });
    await page.close();
  }
  await context.close();
}
await browser.close();
console.log(`screenshots in ${out}/`);
