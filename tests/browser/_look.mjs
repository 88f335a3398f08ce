import { start } from './harness.mjs';
const [w, hgt, scheme, prefix] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4], process.argv[5]];
const b = await start();
try {
  const page = await b.open({ viewport: { width: w, height: hgt }, colorScheme: scheme });
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = 900;
  for (let y = 0, i = 0; y < total; y += step, i++) {
    await page.screenshot({ path: `/tmp/${prefix}-${i}.png`, fullPage: true, clip: { x: 0, y, width: w, height: Math.min(step, total - y) } });
  }
  console.log('total', total);
} finally { console.log(b.records.console, b.records.pageErrors); await b.close(); }
