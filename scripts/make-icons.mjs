// Draws the app icons of the web app manifest (www/manifest.webmanifest)
// from the logo, in headless Chromium, and writes them to www/icons/:
//   icon-192.png, icon-512.png     the logo as www/favicon.svg draws it
//   maskable-512.png               the eye on a full square, inside the
//                                  centre circle that every mask keeps
//
//     node scripts/make-icons.mjs     (needs npm ci and /usr/bin/chromium)
//
// The PNGs are committed; run this again only when the logo changes.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const logo = readFileSync(path.join(ROOT, 'www/favicon.svg'), 'utf8');
// The same eye on a square filling the icon; scaled to 60% about the centre,
// well inside the 80% circle a maskable icon may be cut to.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect width="32" height="32" fill="#2f6f5e"/>
  <g transform="translate(16 16) scale(0.6) translate(-16 -16)">
    <path d="M5 16c3-5.5 7-8 11-8s8 2.5 11 8c-3 5.5-7 8-11 8s-8-2.5-11-8z" fill="#f4efe4"/>
    <circle cx="16" cy="16" r="4.2" fill="#2f6f5e"/>
  </g>
</svg>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const [name, svg, size] of [['icon-192.png', logo, 192], ['icon-512.png', logo, 512], ['maskable-512.png', maskable, 512]]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    writeFileSync(path.join(ROOT, 'www/icons', name), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
