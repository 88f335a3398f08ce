// The accessibility audit: axe-core (npm, a devDependency) run on the whole
// page after the sample is analysed and every view is open — a word selected
// (the word card's concordance, dispersion and collocates), the lazy cards
// scrolled to (phrases, new words, network), the text divided by speaker
// (structure, compare, trends), the repair card's findings and every "what
// is this" opened. Fails on any serious or critical violation, listed with
// the elements concerned, and on the moderate rules already fixed
// (FAILING_RULES); on the desktop, on a 390×844 phone, and in dark mode.
// Also checks that the new views are usable from the keyboard alone.
//
// The page with every view open is made once for the light and dark
// audits, the phone's and the keyboard's (each test sets the size and the
// colours it audits): opening everything is most of this file's time.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe as suite, test } from 'node:test';
import { assertClean, resultCount, resultsAfter, start } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FAILING = new Set(['serious', 'critical']);
// Moderate rules that fail too, once fixed: every landmark (a card, a
// labelled section, a scrolling region) has a name of its own.
const FAILING_RULES = new Set(['landmark-unique']);

let session;
before(async () => { session = await start(); });
after(() => session?.close());

/** Opens a fresh page and every view in it, as a reader who tried everything would. `options`: session.page's. */
async function openEverything(t, options) {
  // A context of the caller's (options.context) or, for the test `t`, one of its own.
  const page = options.context ? await session.open(options) : await session.page(t, options);
  // A word selected: the word card's three views fill.
  await page.evaluate(() => { location.hash = `#w=${encodeURIComponent('合作')}`; });
  await page.waitForSelector('#concordance[data-state="ready"]');
  await page.waitForFunction(() => document.querySelectorAll('#dispersion svg .barcode-row').length > 0);
  await page.waitForFunction(() => /[「“]合作[」”]/.test(document.querySelector('#collocates .collocates-summary')?.textContent ?? ''));

  // The text divided by speaker: the structure, compare and trends cards draw.
  await page.waitForSelector('#sections[data-state="ready"]');
  const before = await resultCount(page);
  await page.click('#sections button[data-kind="speaker"]');
  await resultsAfter(page, before);
  await page.waitForSelector('#sections[data-state="ready"]');
  await page.waitForSelector('#compare-card:not([hidden])');
  await page.waitForSelector('#compare[data-state="ready"]');

  // The cards that ask only once they are near the screen.
  await page.locator('#trends-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#trends .heat-grid .heat-cell').length > 0);
  await page.locator('#network-card').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#network svg .network-node').length > 0);
  await page.locator('#phrases').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#phrases .phrase-list li').length > 0);
  await page.locator('#new-words').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('#new-words tbody tr').length > 0);

  // The repair card's findings (folded to a line at first).
  await page.click('#repair-card .repair-toggle');
  await page.waitForSelector('#repair-card .repair-item');

  // Every "what is this" open, so that its text is audited too.
  await page.evaluate(() => { for (const details of document.querySelectorAll('details')) details.open = true; });
  return page;
}

/**
 * Runs axe-core on the whole page. Its source goes in through evaluate (the
 * DevTools protocol), since the page's CSP allows no inline script.
 */
async function audit(page) {
  if (!await page.evaluate(() => typeof window.axe === 'object')) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id, impact, help, helpUrl,
      nodes: nodes.map((node) => ({
        target: node.target.join(' '), html: node.html, summary: node.failureSummary,
        colours: id === 'color-contrast' ? node.any[0]?.data ?? null : null,
      })),
    }));
  });
}

/** Contrast failures grouped by colour pair: one line per pair, with its count and an example. */
function colourPairs(nodes) {
  const pairs = new Map();
  for (const { target, colours } of nodes) {
    const key = colours ? `${colours.fgColor} on ${colours.bgColor}: ${colours.contrastRatio}:1 (needs ${colours.expectedContrastRatio})` : 'colours unknown';
    const pair = pairs.get(key) ?? { count: 0, example: target };
    pair.count += 1;
    pairs.set(key, pair);
  }
  return [...pairs].map(([key, { count, example }]) => `    ${key} ×${count}, e.g. ${example}`);
}

/** The violations as lines a person reads: rule, impact, what to do, each element and why. */
function describe(violations) {
  return violations.map(({ id, impact, help, helpUrl, nodes }) => [
    `[${impact}] ${id}: ${help} (${nodes.length} element${nodes.length === 1 ? '' : 's'}) ${helpUrl}`,
    ...(id === 'color-contrast' ? colourPairs(nodes) : []),
    ...nodes.slice(0, 12).map(({ target, html, summary }) =>
      `    ${target}\n      ${html.replace(/\s+/g, ' ').slice(0, 160)}\n      ${(summary ?? '').replace(/\n\s*/g, ' | ').slice(0, 300)}`),
    ...(nodes.length > 12 ? [`    … and ${nodes.length - 12} more`] : []),
  ].join('\n')).join('\n');
}

async function assertAccessible(page, where) {
  const violations = await audit(page);
  const fails = (v) => FAILING.has(v.impact) || FAILING_RULES.has(v.id);
  const failing = violations.filter(fails);
  const others = violations.filter((v) => !fails(v));
  if (others.length > 0) console.log(`axe, ${where}: minor or moderate (not failing)\n${describe(others)}`);
  assert.equal(failing.length, 0, `axe, ${where}: serious or critical violations, or moderate ones fixed before (${[...FAILING_RULES]})\n${describe(failing)}`);
}

suite('one page with every view open, in Chinese', () => {
  let page;
  before(async () => {
    // A context of the describe's own (session.page closes its context after a test).
    const context = await session.newContext();
    page = await openEverything(null, { context, viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  });
  /** The page at `viewport`, in `colorScheme`: what the test audits, whatever the one before it left. */
  async function seen(viewport, colorScheme) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    // The colours change by a CSS transition: audited once it has ended,
    // not half way (light text on a white button, for a frame or two).
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  const DESKTOP = { width: 1280, height: 800 };
  const PHONE = { width: 390, height: 844 };

  test('the new views from the keyboard: every control reachable with Tab, Enter selects a word', async () => {
    // First, on the page as it opened: no redraw after a resize is under way while Tab walks the cards.
    await seen(DESKTOP, 'light');
    for (const card of ['repair-card', 'sections-card', 'compare-card', 'trends-card', 'network-card']) {
      const controls = await controlsOf(page, card);
      assert.ok(controls.length > 0, `#${card} has controls`);
      assert.deepEqual(controls.filter((c) => !c.tabbable).map((c) => c.what), [], `#${card}: controls out of the Tab order`);
      const reached = await tabThrough(page, card, controls.length + 5);
      assert.equal(reached, controls.length, `Tab goes through #${card}'s ${controls.length} controls`);
    }

    // A network node and a heat-map row's word select their word with Enter.
    for (const selector of ['#network svg .network-node', '#trends .heat-label[tabindex="0"]']) {
      const node = page.locator(selector).nth(1);
      await node.focus();
      const word = await node.getAttribute('data-word');
      assert.ok(word, `${selector} carries its word`);
      await node.press('Enter');
      await page.waitForFunction((w) => new URLSearchParams(location.hash.slice(1)).get('w') === w, word);
    }
  });

  test('desktop 1280×800, light: no serious or critical violation with every view open', async () => {
    await seen(DESKTOP, 'light');
    await assertAccessible(page, '1280×800 light');
    // A keyword bar is named by its <title> (word, part of speech, weight).
    const word = await page.getAttribute('#keyword-chart .bar-row', 'data-word');
    const bar = page.locator('#keyword-chart').getByRole('button', { name: new RegExp(`^${word}（.+）.*\\d`) });
    assert.equal(await bar.count(), 1, `the bar of ${word} has a name`);
  });

  test('phone 390×844: no serious or critical violation', async () => {
    await seen(PHONE, 'light');
    await assertAccessible(page, '390×844 light');
  });

  test('dark mode: no serious or critical violation (the contrast of the dark colours)', async () => {
    await seen(DESKTOP, 'dark');
    await assertAccessible(page, '1280×800 dark');
    await seen(PHONE, 'dark');
    await assertAccessible(page, '390×844 dark');
  });

  test('the charts shown as tables: no serious or critical violation', async () => {
    await seen(DESKTOP, 'light');
    for (const toggle of ['#network .network-table-toggle', '#trends .trends-table-toggle']) {
      await page.click(toggle);
    }
    await page.waitForSelector('#network .network-table');
    await assertAccessible(page, '1280×800 light, charts as tables');
  });
});

test('the English page (a browser in English): no serious or critical violation', async (t) => {
  const page = await openEverything(t, { viewport: { width: 1280, height: 800 }, colorScheme: 'light', locale: 'en-US' });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await assertAccessible(page, '1280×800 light, English');
});

/** The card's controls a mouse can use, each with whether the keyboard can reach it. */
const controlsOf = (page, card) => page.$$eval(`#${card} :is(button, select, input, textarea, a[href], summary, [role="button"], [tabindex]:not([tabindex="-1"]))`,
  (elements) => elements
    // (A group of radio buttons is one Tab stop: its checked one.)
    .filter((e) => !e.disabled && !(e.type === 'radio' && !e.checked) && e.checkVisibility() && e.getClientRects().length > 0 && !e.closest('[aria-hidden="true"]'))
    .map((e) => ({ what: `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${(e.getAttribute('aria-label') ?? e.textContent).trim().slice(0, 20)}`, tabbable: e.tabIndex >= 0 })));

/** Tabs from the card's first control until the focus leaves the card; resolves with how many it reached. */
async function tabThrough(page, card, limit) {
  await page.locator(`#${card} :is(button, select, input, summary, [tabindex="0"]):visible`).first().focus();
  let reached = 1;
  for (; reached <= limit; reached += 1) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate((id) => {
      const element = document.activeElement;
      if (!document.getElementById(id).contains(element)) return 'left';
      return element.getClientRects().length > 0 ? 'visible' : 'invisible';
    }, card);
    if (inside === 'left') break;
    assert.equal(inside, 'visible', `the focus in #${card} is on something seen`);
  }
  return reached;
}

test('nothing went wrong on any page of this file, nor left the origin', () => {
  assertClean(assert, session);
});
