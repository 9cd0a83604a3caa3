// Browser tests of okgen's HTML output, in real Chromium (Debian's /usr/bin/chromium).
//
//   node tests/browser/run.mjs [--screenshots DIR] FILE.html...
//
// For every page: axe-core finds no WCAG 2.0, 2.1 or 2.2 A/AA violations; the skip link is the
// first thing Tab reaches and moves focus to the main content; heading levels never skip; every
// internal link (table of contents, notes, back links, cross references) has a target; the
// page runs no script of its own and logs no errors; tables have header cells; the page fits
// a 1200 px window (lists and reports a 390 px phone too, without sideways scrolling); the
// print stylesheet hides the skip link. Exits 1 and lists the problems when any check fails.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve, join, basename, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFileSync(join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
// The WCAG success criteria axe-core checks: every version up to 2.2, levels A and AA.
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const args = process.argv.slice(2);
let shotDir = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--screenshots') shotDir = args[++i];
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error('usage: node run.mjs [--screenshots DIR] FILE.html...');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});

let failures = 0;
for (const file of files) {
  const problems = [];
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(pathToFileURL(resolve(file)).href);

  // Structure checks in the page.
  const facts = await page.evaluate(() => {
    const out = {};
    out.lang = document.documentElement.lang;
    out.title = document.title;
    out.scripts = document.querySelectorAll('script').length;
    const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]));
    out.h1 = levels.filter((l) => l === 1).length;
    out.jumps = [];
    for (let i = 1; i < levels.length; i++) if (levels[i] > levels[i - 1] + 1) out.jumps.push(`h${levels[i - 1]} -> h${levels[i]}`);
    out.brokenLinks = [...document.querySelectorAll('a[href^="#"]')]
      .map((a) => a.getAttribute('href').slice(1))
      .filter((id) => id && !document.getElementById(decodeURIComponent(id)));
    out.tablesWithoutHeaders = [...document.querySelectorAll('table')].filter((t) => !t.querySelector('th')).length;
    out.thWithoutScope = [...document.querySelectorAll('th')].filter((th) => !th.getAttribute('scope')).length;
    out.emptyLinks = [...document.querySelectorAll('a')].filter((a) => !a.textContent.trim() && !a.getAttribute('aria-label')).length;
    return out;
  });
  if (facts.lang !== 'sv') problems.push(`html lang is "${facts.lang}", expected "sv"`);
  if (!facts.title) problems.push('no <title>');
  if (facts.scripts) problems.push(`${facts.scripts} <script> elements`);
  if (facts.h1 !== 1) problems.push(`${facts.h1} h1 elements, expected 1`);
  if (facts.jumps.length) problems.push(`heading levels skip: ${facts.jumps.slice(0, 5).join(', ')}`);
  if (facts.brokenLinks.length) problems.push(`links to missing ids: ${facts.brokenLinks.slice(0, 5).join(', ')}`);
  if (facts.tablesWithoutHeaders) problems.push(`${facts.tablesWithoutHeaders} tables without header cells`);
  if (facts.thWithoutScope) problems.push(`${facts.thWithoutScope} header cells without scope`);
  if (facts.emptyLinks) problems.push(`${facts.emptyLinks} links without text`);

  // Keyboard: the first Tab lands on the skip link, which is then visible; Enter moves focus to <main>.
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { cls: a.className, visible: r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0 };
  });
  if (skip.cls !== 'skip-link') problems.push(`first Tab stop is "${skip.cls}", not the skip link`);
  else if (!skip.visible) problems.push('skip link is not visible when focused');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement.id);
  if (focused !== 'innehall') problems.push(`skip link moves focus to "${focused}", not to the main content`);

  // Footnotes: following a note reference and its back link round-trips.
  const noteOk = await page.evaluate(() => {
    const ref = document.querySelector('a[role="doc-noteref"]');
    if (!ref) return true;
    const note = document.getElementById(ref.getAttribute('href').slice(1));
    const back = note && note.querySelector(`a[href="#${ref.id}"]`);
    return Boolean(back);
  });
  if (!noteOk) problems.push('first note reference has no back link from its note');

  // Accessibility rules (WCAG 2.0, 2.1 and 2.2, levels A and AA) with axe-core.
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(async (tags) =>
    // eslint-disable-next-line no-undef
    (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations
      .map((v) => `${v.id} (${v.nodes.length}): ${v.help}`), axeTags);
  for (const v of axe) problems.push(`axe: ${v}`);

  if (shotDir) await page.screenshot({ path: join(shotDir, basename(file, '.html') + '.png'), fullPage: true });

  // Fits the screen: no page is wider than a 1200 px window; the index, region pages and
  // check report (tables of many columns) fit it and a 390 px phone without a table scrolling
  // sideways. (An agreement's own wide tables may scroll inside their labelled region.)
  const listPage = await page.evaluate(() => document.body.classList.contains('index'));
  for (const width of listPage ? [1200, 390] : [1200]) {
    await page.setViewportSize({ width, height: 900 });
    const fit = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      tables: [...document.querySelectorAll('main .table-wrap')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || 'table'} ${el.scrollWidth}>${el.clientWidth}px`),
    }));
    if (fit.page > 0) problems.push(`at ${width} px the page is ${fit.page} px wider than the window`);
    if (listPage && fit.tables.length) problems.push(`at ${width} px tables scroll sideways: ${fit.tables.slice(0, 3).join(', ')}`);
  }
  await page.setViewportSize({ width: 1100, height: 900 });

  // Print stylesheet: no skip link on paper.
  await page.emulateMedia({ media: 'print' });
  const printSkip = await page.evaluate(() => {
    const s = document.querySelector('.skip-link');
    return s ? getComputedStyle(s).display : 'none';
  });
  if (printSkip !== 'none') problems.push('skip link is printed');

  await page.close();
  if (problems.length) {
    failures++;
    console.log(`FAIL ${file}`);
    for (const p of problems) console.log(`  - ${p}`);
  } else {
    console.log(`ok   ${file}`);
  }
}
await browser.close();
process.exit(failures ? 1 : 0);
