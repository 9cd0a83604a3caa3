// Real-browser tests of `okgen serve`, the local web workspace, in Chromium (Debian's
// /usr/bin/chromium) driven by playwright-core.
//
//   node tests/browser/serve.mjs OKGEN_BINARY SOURCE_DIR
//
// Copies SOURCE_DIR/content into a temporary folder, commits it to a new git repository there
// (so the revision picker has a commit), starts `okgen serve COPY --port 0 --date 2026-11-23`
// and checks, each as a named step that prints ok or FAIL:
//   1 the overview lists every agreement of the copy;
//   2 live reload: a heading changed on disk shows in the open preview within 1 s, by itself,
//     with the scroll position kept;
//   3 a file that is not XML any more: the open preview turns into the problems page
//     (file:line:col, the source line), the last good preview can be opened, and the preview
//     comes back by itself when the file is repaired;
//   4 the questionnaire, used with the keyboard: the answer replaces its <prompt> in the XML,
//     the rest of the file is unchanged byte for byte, and `okgen check` passes the file;
//   5 a concurrent edit on disk: the save is refused (409) and the file is left as it was;
//   6 axe-core (WCAG 2.0-2.2 A/AA) and html-validate on every page the server renders;
//   7 Content-Security-Policy: script-src 'self' without 'unsafe-inline', no CSP violations;
//   8 SIGINT stops the server with exit code 0 within 3 s.
// Exits 1 when any step fails. Never touches SOURCE_DIR/content.
import { chromium } from 'playwright-core';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [okgen, srcDir] = process.argv.slice(2);
if (!okgen || !srcDir) {
  console.error('usage: node serve.mjs OKGEN_BINARY SOURCE_DIR');
  process.exit(2);
}
const DATE = '2026-11-23';
const RELOAD_LIMIT_MS = 1000;   // step 2: the new text must show within this time
const SCROLL_TOLERANCE = 300;   // step 2: px the scroll position may move across a reload
const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const t0 = Date.now();

// ---------------------------------------------------------------------------------------------
// Reporting: every step prints one line, ok or FAIL, with its problems below it.
const steps = [];
function step(name, problems, figures = '') {
  const ok = problems.length === 0;
  steps.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${figures ? ` (${figures})` : ''}`);
  for (const p of problems) console.log(`       - ${p}`);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------
// The copy of the content, in git.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'okgen-serve-test-'));
const content = path.join(work, 'content');
// Whatever way the run ends: no server left running, no temporary folder left behind.
let server = null;
let serverExit = null;   // { code, signal, at }
function cleanup() {
  if (server && !serverExit) { try { server.kill('SIGKILL'); } catch { /* gone */ } }
  fs.rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
const pagesDir = path.join(work, 'pages');
fs.mkdirSync(pagesDir);
fs.cpSync(path.join(srcDir, 'content'), content, { recursive: true });
const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
function git(...args) {
  const r = spawnSync('git', args, { cwd: work, env: gitEnv, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}
git('init', '-q');
git('add', '-A');
git('-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Utgångsläge');
const firstCommit = git('rev-parse', 'HEAD');

function xmlFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...xmlFiles(p));
    else if (e.name.endsWith('.xml')) out.push(path.relative(content, p).split(path.sep).join('/'));
  }
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// The server.
let serverOut = '';
let serverErr = '';
server = spawn(okgen, ['serve', content, '--port', '0', '--date', DATE], { stdio: ['ignore', 'pipe', 'pipe'] });
server.stdout.setEncoding('utf8');
server.stderr.setEncoding('utf8');
server.stdout.on('data', (d) => { serverOut += d; });
server.stderr.on('data', (d) => { serverErr += d; });
const exited = new Promise((resolve) => server.on('exit', (code, signal) => {
  serverExit = { code, signal, at: Date.now() };
  resolve(serverExit);
}));

let browser = null;
// A run that hangs (a page that never loads, a server that never answers) must still end.
const watchdog = setTimeout(() => {
  console.log('FAIL the run took more than 150 s; stopping');
  if (browser) browser.close().catch(() => {});
  process.exit(1);
}, 150000);

async function serverUrl() {
  const until = Date.now() + 15000;
  while (Date.now() < until) {
    const m = serverOut.match(/Öppna (http:\/\/127\.0\.0\.1:\d+\/) i webbläsaren\. Avsluta med Ctrl-C\./);
    if (m) return m[1];
    if (serverExit) break;
    await sleep(20);
  }
  throw new Error(`the server did not print its address (exit ${JSON.stringify(serverExit)}):\n${serverOut}\n${serverErr}`);
}

// ---------------------------------------------------------------------------------------------
// Page audits (steps 6 and 7): axe, the HTML as served (for html-validate), the CSP header.
const audits = [];        // { label, url, status, problems[], axe[], csp[], file }
const consoleLog = [];    // { label, type, text }
const pageErrors = [];    // { label, text }
const badResources = [];  // { label, text }: a page's style sheet or script that did not load
let current = 'start';    // the page the console messages are counted against
let lastDoc = null;       // the last main-frame document response
let navigations = 0;      // main-frame documents loaded so far (a live update in place loads none)

async function audit(page, label, { status = 200 } = {}) {
  current = label;
  const a = { label, url: page.url(), problems: [], axe: [], csp: [] };
  audits.push(a);
  const resp = lastDoc;
  if (!resp) {
    a.problems.push('no document response seen');
  } else {
    a.status = resp.status();
    if (resp.status() !== status) a.problems.push(`HTTP ${resp.status()}, expected ${status}`);
    const csp = resp.headers()['content-security-policy'] || '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]));
    if (!csp) a.csp.push('no Content-Security-Policy header');
    else {
      if (!directives['script-src']) a.csp.push(`no script-src in "${csp}"`);
      else if (!directives['script-src'].includes("'self'")) a.csp.push(`script-src is "${directives['script-src'].join(' ')}", without 'self'`);
      for (const d of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
        if ((directives[d] || []).includes("'unsafe-inline'")) a.csp.push(`${d} allows 'unsafe-inline'`);
      }
    }
    let body = '';
    try { body = await resp.text(); } catch (e) { a.problems.push(`could not read the page's HTML: ${e.message}`); }
    if (body) {
      if (!body.startsWith('<!DOCTYPE html>')) a.problems.push(`does not start with <!DOCTYPE html>: ${JSON.stringify(body.slice(0, 60))}`);
      a.file = path.join(pagesDir, `${String(audits.length).padStart(2, '0')}-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.html`);
      fs.writeFileSync(a.file, body);
    }
  }
  // axe-core through the DevTools protocol: a <script> element with its source would be
  // (rightly) refused by the page's CSP.
  try {
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
    a.axe = await page.evaluate(async (tags) =>
      // eslint-disable-next-line no-undef
      (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations
        .map((v) => `${v.id} (${v.nodes.length}): ${v.help} – ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join('; ')}`), axeTags);
  } catch (e) {
    a.problems.push(`axe could not run: ${e.message.split('\n')[0]}`);
  }
  return a;
}

// Waits until `fn` (run in the page) returns true; survives the page reloading meanwhile.
// Returns the milliseconds it took, or null after `timeout`.
async function waitInPage(page, fn, timeout, arg) {
  const start = performance.now();
  while (performance.now() - start < timeout) {
    try {
      if (await page.evaluate(fn, arg)) return performance.now() - start;
    } catch { /* the page is being replaced */ }
    await sleep(10);
  }
  return null;
}
// The next /events stream the page opens (live.js): once its answer has come, the server
// reports every change after it. Resolves to null when none opens within 5 s.
function nextEvents(page) {
  return page.waitForResponse((r) => new URL(r.url()).pathname === '/events', { timeout: 5000 }).catch(() => null);
}
// Marks the body now shown; an update (live.js swaps in the new body, or reloads the page)
// replaces it and the mark is gone.
const mark = (page) => page.evaluate(() => { document.body.dataset.okgenOld = '1'; });
const isNewDocument = () => document.body !== null && document.body.dataset.okgenOld !== '1';
// After an update the page listens for the next change: its event stream is open again
// (a reload opens a new one; a swapped body keeps the old one).
const listening = (page) => waitInPage(page, () => window.__okgenLive === 'open', 3000);

// ---------------------------------------------------------------------------------------------
let exitCode = 0;
try {
  const base = await serverUrl();
  console.log(`== okgen serve at ${base} on ${work}`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  page.on('console', (m) => consoleLog.push({ label: current, type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => pageErrors.push({ label: current, text: e.message }));
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) lastDoc = r, ++navigations;
    // The pages' own resources (style sheet, live.js) must load; the favicon the browser asks
    // for by itself may be missing.
    else if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') {
      badResources.push({ label: current, text: `${r.url().replace(/^http:\/\/[^/]+/, '')} answered HTTP ${r.status()} (${r.headers()['content-type'] || 'no type'})` });
    }
  });
  page.on('requestfailed', (r) => {
    const where = new URL(r.url()).pathname;
    // An event stream ends whenever its page goes; anything else a page loads must arrive.
    if (r.isNavigationRequest() || where === '/events' || where === '/favicon.ico') return;
    badResources.push({ label: current, text: `${where} failed: ${r.failure()?.errorText ?? '?'}` });
  });
  // Submits a form with `action` and returns the POST's answer; a status other than `want`
  // is reported with the Origin header the browser sent.
  async function submit(action, want, problems, what) {
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest(), { timeout: 10000 }),
      action(),
    ]);
    if (resp.status() !== want) {
      const origin = await resp.request().headerValue('origin');
      const body = await resp.text().catch(() => '');
      const title = (body.match(/<title>([^<]*)<\/title>/) || [])[1] || '?';
      problems.push(`${what}: the POST to ${resp.url().replace(base, '/')} answered HTTP ${resp.status()}, expected ${want} ` +
        `(the browser sent Origin: ${origin ?? '(none)'}; the page says "${title.replace(/ – okgen arbetsyta$/, '')}")`);
    }
    await page.waitForLoadState('load');
    return resp;
  }
  const go = async (p, label) => {
    current = label;
    return page.goto(base + p.replace(/^\//, ''), { waitUntil: 'load' });
  };

  // -- 1 Overview ------------------------------------------------------------------------------
  {
    const problems = [];
    const files = xmlFiles(content);
    await go('/', 'overview');
    const rows = await page.$$eval('table.overview tbody tr', (trs) =>
      trs.map((tr) => tr.querySelector('th a')?.getAttribute('href') || ''));
    if (rows.length !== files.length) problems.push(`${rows.length} table rows, ${files.length} .xml files in the copy`);
    for (const f of files) if (!rows.includes(`/preview/${f}`)) problems.push(`no row links to /preview/${f}`);
    const title = await page.title();
    if (!/Översikt/.test(title)) problems.push(`title is "${title}"`);
    await audit(page, 'overview');

    // The CSP check must be able to fail: an inline script added to the page is refused, and
    // the refusal reaches the console listener that step 7 reads.
    current = 'csp-self-test';
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.head.appendChild(s);
    });
    const ran = await page.evaluate(() => window.__inlineRan === true);
    let seen = false;
    for (let i = 0; i < 50 && !seen; i++) {
      seen = consoleLog.some((m) => m.label === 'csp-self-test' && /Content Security Policy/i.test(m.text));
      if (!seen) await sleep(20);
    }
    if (ran) problems.push('an inline script added to the overview ran: the CSP does not stop inline scripts');
    if (!seen) problems.push('no CSP console error for an inline script: the console check of step 7 could not fail');
    // axe must be able to fail too: an image without a text alternative added to the page.
    const axeSelf = await page.evaluate(async () => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main').appendChild(img);
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'rule', values: ['image-alt'] } });
      img.remove();
      return r.violations.map((v) => v.id);
    }).catch((e) => [`error: ${e.message}`]);
    if (!axeSelf.includes('image-alt')) problems.push(`axe did not report an image without alt (${axeSelf.join(', ') || 'nothing'}): its results cannot be trusted`);
    step('1 overview lists every agreement', problems, `${rows.length} rows, ${files.length} files`);
  }

  // -- 2 Live reload ---------------------------------------------------------------------------
  const regionalKey = 'dalarna/regional.xml';
  const regionalFile = path.join(content, regionalKey);
  const regionalOriginal = fs.readFileSync(regionalFile, 'utf8');
  const oldHeading = '<heading>Regionens ansvar</heading>';
  const newHeadingText = 'Regionens ansvar för vården, ändrad på disken';
  const regionalV2 = regionalOriginal.replace(oldHeading, `<heading>${newHeadingText}</heading>`);
  let reloadMs = null;
  {
    const problems = [];
    if (regionalV2 === regionalOriginal) throw new Error(`${oldHeading} not found in ${regionalKey}`);
    let events = nextEvents(page);
    await go(`/preview/${regionalKey}`, 'preview regional');
    if (!(await events)) problems.push(`${page.url().replace(base, '/')} opened no event stream (/events)`);
    await audit(page, 'preview regional');
    if (await page.evaluate((t) => document.body.textContent.includes(t), newHeadingText)) problems.push('the new text is there before the change');
    await page.evaluate(() => window.scrollTo(0, 3000));
    await sleep(100);
    const before = await page.evaluate(() => window.scrollY);
    if (before < 1000) problems.push(`could only scroll to ${before}px`);
    await mark(page);
    current = 'preview regional (live reload)';
    events = nextEvents(page);
    const loadedBefore = navigations;
    // The moment the new body is in the page, by the page's clock (the same system clock as
    // this script's Date.now()), so the figure does not include this script's polling.
    await page.evaluate(() => {
      window.__okgenShownAt = null;
      new MutationObserver(() => {
        if (window.__okgenShownAt === null && document.body && document.body.dataset.okgenOld !== '1') window.__okgenShownAt = Date.now();
      }).observe(document.documentElement, { childList: true });
    });
    const start = performance.now();
    const writtenAt = Date.now();
    fs.writeFileSync(regionalFile, regionalV2);
    const seen = await waitInPage(page, (t) => document.body !== null && document.body.dataset.okgenOld !== '1' &&
      document.body.textContent.includes(t), 5000, newHeadingText);
    if (seen !== null) {
      const shownAt = await page.evaluate(() => window.__okgenShownAt).catch(() => null);
      reloadMs = shownAt ? shownAt - writtenAt : performance.now() - start;  // a reload loses the observer
    }
    let after = null;
    if (reloadMs === null) {
      const stale = await page.evaluate(isNewDocument).catch(() => null);
      problems.push(`the new text did not show within 5 s (${stale ? 'the page was updated but shows other text' : 'the page was not updated'})`);
    } else {
      if (reloadMs > RELOAD_LIMIT_MS) problems.push(`the new text showed after ${reloadMs.toFixed(0)} ms, more than ${RELOAD_LIMIT_MS} ms`);
      // A preview that stays a preview is updated in place (live.js), not reloaded.
      if (navigations !== loadedBefore) problems.push('the preview was reloaded instead of updated in place');
      await page.waitForLoadState('load');
      if ((await listening(page)) === null) problems.push(`${page.url().replace(base, '/')} does not listen for changes after the update`);
      await sleep(150);
      after = await page.evaluate(() => window.scrollY);
      if (Math.abs(after - before) > SCROLL_TOLERANCE) problems.push(`scroll position ${before}px before the update, ${after}px after`);
    }
    step('2 live reload shows a change on disk', problems,
      `reload ${reloadMs === null ? 'none' : reloadMs.toFixed(0) + ' ms'}, scroll ${before}px -> ${after ?? '?'}px`);
  }

  // -- 3 Broken XML: problems page, last good preview, back by itself -------------------------
  let repairMs = null;
  {
    const problems = [];
    const lines = regionalV2.split('\n');
    const at = lines.findIndex((l) => l.includes('<heading>Kommunernas ansvar</heading>'));
    if (at < 0) throw new Error('<heading>Kommunernas ansvar</heading> not found');
    const brokenLine = lines[at].replace('</heading>', '</rubrik>');   // end tag does not match
    const lineNo = at + 1;
    lines[at] = brokenLine;
    await mark(page);
    current = 'problems page';
    let events = nextEvents(page);
    fs.writeFileSync(regionalFile, lines.join('\n'));
    const ms = await waitInPage(page, () => document.body !== null && document.body.dataset.okgenOld !== '1' && document.querySelector('ol.findings li') !== null, 5000);
    if (ms === null) {
      problems.push('the open preview did not turn into the problems page within 5 s');
      fs.writeFileSync(regionalFile, regionalV2);   // the later steps need a good file
    } else {
      await page.waitForLoadState('load');
      if ((await listening(page)) === null) problems.push(`${page.url().replace(base, '/')} does not listen for changes after the update`);
      const f = await page.$$eval('ol.findings li', (lis) => lis.map((li) => ({
        place: li.querySelector('.place')?.textContent || '',
        rule: li.querySelector('.rule')?.textContent || '',
        source: li.querySelector('pre.source')?.textContent || '',
        text: li.textContent,
      })));
      const re = new RegExp(`(^|/)regional\\.xml:${lineNo}:\\d+$`);
      const hit = f.find((x) => re.test(x.place));
      if (!hit) problems.push(`no finding at regional.xml:${lineNo}: (found ${f.map((x) => x.place).join(', ') || 'none'})`);
      else {
        if (hit.source.trim() !== brokenLine.trim()) problems.push(`source line shown is ${JSON.stringify(hit.source)}, expected ${JSON.stringify(brokenLine.trim())}`);
        if (!/^\[[a-z0-9-]+\]$/.test(hit.rule.trim())) problems.push(`rule shown as ${JSON.stringify(hit.rule)}`);
      }
      await audit(page, 'problems page');

      // The last good preview: the agreement as it was before it broke, marked as such.
      const link = page.locator('a[href$="?senaste=1"]');
      if (await link.count() !== 1) problems.push('no link to the last good preview');
      else {
        current = 'last good preview';
        await Promise.all([page.waitForURL(/\?senaste=1$/), link.click()]);
        await page.waitForLoadState('load');
        const lg = await page.evaluate((t) => ({
          text: document.body.textContent.includes(t),
          stale: document.querySelector('.okgen-serve-bar .okgen-stale') !== null,
          findings: document.querySelector('ol.findings') !== null,
        }), newHeadingText);
        if (!lg.text) problems.push('the last good preview does not show the last good text');
        if (!lg.stale) problems.push('the last good preview does not say it is not current (.okgen-stale)');
        if (lg.findings) problems.push('?senaste=1 shows the problems page');
        await audit(page, 'last good preview');
      }

      // Repaired on disk: the problems page, left open, turns back into the preview.
      events = nextEvents(page);
      await go(`/preview/${regionalKey}`, 'problems page (repair)');
      if (!(await events)) problems.push(`${page.url().replace(base, '/')} opened no event stream (/events)`);
      if (!(await page.$('ol.findings li'))) problems.push('the problems page did not show again before the repair');
      await mark(page);
      events = nextEvents(page);
      const start = performance.now();
      fs.writeFileSync(regionalFile, regionalV2);
      const back = await waitInPage(page, (t) => document.body !== null && document.body.dataset.okgenOld !== '1' && document.querySelector('ol.findings') === null &&
        document.querySelector('nav.okgen-serve-bar') !== null && document.body.textContent.includes(t), 5000, newHeadingText);
      if (back === null) problems.push('the preview did not come back by itself within 5 s of the repair');
      else {
        repairMs = performance.now() - start;
        await page.waitForLoadState('load');
        if ((await listening(page)) === null) problems.push(`${page.url().replace(base, '/')} does not listen for changes after the update`);
        if (await page.$('.okgen-stale')) problems.push('the repaired preview still says it is the last good one');
      }
    }
    step('3 broken XML shows its error and recovers', problems,
      `error at regional.xml:${lineNo}, problems page after ${ms === null ? '?' : ms.toFixed(0)} ms, back after ${repairMs === null ? '?' : repairMs.toFixed(0)} ms`);
  }

  // -- 4 Questionnaire by keyboard --------------------------------------------------------------
  const localKey = 'dalarna/local/avesta.xml';
  const localFile = path.join(content, localKey);
  const answer = 'Socialtjänsten, psykiatriska öppenvården & brukarföreningen Balans i Avesta.';
  {
    const problems = [];
    const original = fs.readFileSync(localFile, 'utf8');
    const pm = original.match(/<prompt>([^<]*)<\/prompt>/);
    if (!pm) throw new Error(`no <prompt> in ${localKey}`);
    const question = pm[1];
    await go(`/questions/${localKey}`, 'questionnaire');
    await audit(page, 'questionnaire');
    // Tab from the top of the page to the first text box.
    let tabs = 0;
    let focused = null;
    while (tabs < 40) {
      await page.keyboard.press('Tab');
      tabs++;
      focused = await page.evaluate(() => {
        const a = document.activeElement;
        return a && a.tagName === 'TEXTAREA' ? { id: a.id, label: a.labels[0]?.textContent ?? '' } : null;
      });
      if (focused) break;
    }
    let saved = false;
    if (!focused) problems.push('Tab never reached a text box');
    else {
      if (focused.id !== 'svar-0') problems.push(`the first text box Tab reaches is #${focused.id}, not #svar-0`);
      if (focused.label.trim() !== question) problems.push(`its label is ${JSON.stringify(focused.label)}, not the first question ${JSON.stringify(question)}`);
      await page.keyboard.type(answer);
      // On to the submit button, then Enter.
      let onButton = false;
      for (let i = 0; i < 400 && !onButton; i++) {
        await page.keyboard.press('Tab');
        onButton = await page.evaluate(() => document.activeElement?.matches('button[type="submit"], button:not([type])') ?? false);
      }
      if (!onButton) problems.push('Tab never reached the submit button');
      else {
        current = 'questionnaire saved';
        const resp = await submit(() => page.keyboard.press('Enter'), 303, problems, 'saving the answer');
        if (resp.status() === 303) {
          await page.waitForURL(/\?klart=sparat$/).then(() => { saved = true; })
            .catch(() => problems.push(`after saving the browser is at ${page.url()}, not ?klart=sparat`));
        }
      }
    }
    if (saved) {
      await page.waitForLoadState('load');
      const notice = await page.$eval('.notice[role="status"]', (n) => n.textContent).catch(() => '');
      if (!/sparade/.test(notice)) problems.push(`no "sparade" notice after saving (got ${JSON.stringify(notice)})`);
      const firstLabel = await page.$eval('label[for="svar-0"]', (l) => l.textContent).catch(() => '');
      if (firstLabel.trim() === question) problems.push('the answered question is still asked after saving');
      await audit(page, 'questionnaire saved');
    }
    const now = fs.readFileSync(localFile, 'utf8');
    const start = pm.index;
    const prefix = original.slice(0, start);
    const suffix = original.slice(start + pm[0].length);
    if (now.includes(pm[0])) problems.push('the answered <prompt> is still in the file');
    if (!now.startsWith(prefix) || !now.endsWith(suffix) || now.length < prefix.length + suffix.length) {
      let i = 0;
      while (i < now.length && now[i] === original[i]) i++;
      problems.push(`the file changed outside the answered <prompt> (first difference at character ${i}: ` +
        `${JSON.stringify(original.slice(i, i + 60))} became ${JSON.stringify(now.slice(i, i + 60))})`);
    } else {
      const middle = now.slice(prefix.length, now.length - suffix.length);
      if (!new RegExp(`^<body>\\s*${reEscape(xmlEscape(answer))}\\s*</body>$`).test(middle)) {
        problems.push(`the <prompt> became ${JSON.stringify(middle)}, not <body> with the answer`);
      }
    }
    const check = spawnSync(okgen, ['check', '--date', DATE, localFile], { encoding: 'utf8' });
    if (check.status !== 0) problems.push(`okgen check exited ${check.status}: ${(check.stdout + check.stderr).split('\n').filter((l) => /error/.test(l)).slice(0, 3).join(' | ')}`);
    step('4 questionnaire answer saved by keyboard', problems, `${tabs} Tab to the first box, okgen check exit ${check.status}`);
  }

  // -- 5 Concurrent edit -------------------------------------------------------------------------
  {
    const problems = [];
    await go(`/questions/${localKey}`, 'questionnaire (conflict)');
    const edited = fs.readFileSync(localFile, 'utf8') + '<!-- Ändrat i en editor medan formuläret var öppet. -->\n';
    fs.writeFileSync(localFile, edited);
    const other = 'Ett svar som inte får skriva över ändringen på disken.';
    await page.locator('#svar-0').focus();
    await page.keyboard.type(other);
    current = 'conflict page';
    const resp = await submit(() => page.getByRole('button', { name: 'Spara svaren' }).press('Enter'), 409, problems, 'the save');
    const text = await page.evaluate(() => document.body.textContent);
    if (!text.includes('Filen har ändrats')) problems.push('the page does not say "Filen har ändrats"');
    if (!text.includes(other)) problems.push('the conflict page does not show the answer that was not saved');
    if (!text.includes('Ändrat i en editor medan formuläret var öppet.')) problems.push('the conflict page does not show the file as it is on disk');
    await audit(page, 'conflict page', { status: 409 });
    await sleep(300);
    const onDisk = fs.readFileSync(localFile, 'utf8');
    if (onDisk !== edited) problems.push('the file on disk is not what the editor wrote: the save overwrote it');
    step('5 concurrent edit is refused, not overwritten', problems, `HTTP ${resp.status()}`);
  }

  // -- The other pages (audited for steps 6 and 7) ------------------------------------------
  {
    const problems = [];
    await go(`/preview/${localKey}`, 'preview local');
    if (!(await page.$('nav.okgen-serve-bar'))) problems.push('the local preview has no workspace bar');
    await audit(page, 'preview local');

    // The local agreement's two forms: the consolidated version, and both side by side.
    await go(`/preview/${localKey}?form=konsoliderad`, 'consolidated version');
    if (!(await page.textContent('body')).includes('konsoliderad version')) problems.push('the consolidated version does not say what it is');
    await audit(page, 'consolidated version');
    await go(`/forms/${localKey}`, 'both forms');
    const frames = await page.$$('iframe');
    if (frames.length !== 2) problems.push(`the page of both forms has ${frames.length} frames, not 2`);
    for (const f of frames) {
      const inner = await f.contentFrame();
      if (!inner || !(await inner.$('nav.okgen-serve-bar'))) problems.push('a framed form did not load (framing refused?)');
    }
    // The bar's links inside a frame open in the whole window, not in the frame.
    const framed = frames.length ? await frames[0].contentFrame() : null;
    const overview = framed ? await framed.$('nav.okgen-serve-bar a[href="/"]') : null;
    if (!overview) {
      problems.push('a framed form has no link to the overview in its bar');
    } else {
      await Promise.all([page.waitForURL(base, { timeout: 5000 }).catch(() => null), overview.evaluate((a) => a.click())]);
      if (page.url() !== base) problems.push(`the overview link in a frame did not open in the whole window (${page.url()})`);
      await go(`/forms/${localKey}`, 'both forms');
    }
    await audit(page, 'both forms');

    await go(`/check/${regionalKey}`, 'check page');
    if (!(await page.$('table.coverage'))) problems.push('the check page has no coverage table');
    await audit(page, 'check page');
    // Filter by level with the form.
    await page.selectOption('#niva', 'warning');
    current = 'check page filtered';
    await Promise.all([page.waitForURL(/niva=warning/), page.getByRole('button', { name: 'Visa' }).click()]);
    await page.waitForLoadState('load');
    const levels = await page.$$eval('ol.findings li.finding', (lis) => lis.map((li) => li.className));
    const statusText = await page.$eval('p[role="status"]', (p) => p.textContent).catch(() => '');
    if (levels.some((c) => !/\bwarning\b/.test(c))) problems.push(`the warning filter shows other levels: ${[...new Set(levels)].join(', ')}`);
    const sm = statusText.match(/(\d+) av (\d+) fynd/);
    if (!sm || Number(sm[1]) !== levels.length) problems.push(`status says "${statusText}", ${levels.length} findings shown`);
    await audit(page, 'check page filtered');

    // Init, both steps, then create one.
    await go('/init', 'init step 1');
    await audit(page, 'init step 1');
    const region = 'Region Jämtland Härjedalen';
    await page.selectOption('#region', region);
    current = 'init step 2';
    await Promise.all([page.waitForURL(/region=/), page.getByRole('button', { name: 'Visa kommunerna' }).click()]);
    await page.waitForLoadState('load');
    await audit(page, 'init step 2');
    const municipalities = await page.$$eval('#municipality option', (os) => os.map((o) => o.value));
    if (municipalities.includes('Östersund')) problems.push('init offers Östersund, which already has a local agreement');
    if (municipalities.length === 0) problems.push(`init offers no municipality in ${region}`);
    else {
      const before = xmlFiles(content);
      await page.selectOption('#municipality', municipalities[0]);
      current = 'questionnaire new local';
      const resp = await submit(() => page.getByRole('button', { name: 'Skapa' }).click(), 303, problems, `creating ${municipalities[0]}`);
      if (resp.status() === 303 && !/\/questions\/jamtland-harjedalen\/local\/[^/]+\.xml$/.test(page.url())) {
        problems.push(`after init the browser is at ${page.url()}, not a questionnaire`);
      }
      const added = xmlFiles(content).filter((f) => !before.includes(f));
      if (added.length !== 1) problems.push(`init wrote ${added.length} new files: ${added.join(', ')}`);
      else if (!page.url().endsWith(`/questions/${added[0]}`)) problems.push(`after init the browser is at ${page.url()}, not the questionnaire of ${added[0]}`);
      if ((await page.$$('textarea')).length === 0) problems.push('the new agreement\'s questionnaire has no questions');
      await audit(page, 'questionnaire new local');
      await go('/', 'overview after init');
      const rows = await page.$$eval('table.overview tbody tr', (trs) => trs.length);
      if (rows !== xmlFiles(content).length) problems.push(`the overview lists ${rows} agreements after init, ${xmlFiles(content).length} files`);
    }

    // Revisions and the redline against the commit (the file has changed since, step 2).
    await go(`/diff/${regionalKey}`, 'revisions page');
    const revs = await page.$$eval('#rev option', (os) => os.map((o) => o.value));
    if (!revs.includes(firstCommit)) problems.push(`the revision picker does not offer ${firstCommit} (offers ${revs.join(', ')})`);
    await audit(page, 'revisions page');
    if (revs.includes(firstCommit)) {
      await page.selectOption('#rev', firstCommit);
      current = 'redline page';
      await Promise.all([page.waitForURL(new RegExp(`rev=${firstCommit}`)), page.getByRole('button', { name: 'Visa ändringarna' }).click()]);
      await page.waitForLoadState('load');
      // The changed heading: a changed section with the new heading, the old one named or struck out.
      const changed = await page.$$eval('.diff-section', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ')));
      const hit = changed.find((t) => t.includes(newHeadingText));
      if (!hit) problems.push(`the redline has no changed section with the new heading (sections: ${changed.map((t) => t.slice(0, 80)).join(' | ') || 'none'})`);
      else if (!/Regionens ansvar"|Regionens ansvar”/.test(hit) && !(await page.$$eval('.diff-section del', (d) => d.some((e) => e.textContent.includes('Regionens ansvar'))))) {
        problems.push(`the redline does not show the old heading: ${hit.slice(0, 200)}`);
      }
      await audit(page, 'redline page');
    }

    // Not found: an unknown agreement and an unknown address.
    await go('/preview/dalarna/finns-inte.xml', '404 unknown key');
    await audit(page, '404 unknown key', { status: 404 });
    await go('/questions/dalarna/regional.xml', '404 questions of a regional agreement');
    await audit(page, '404 questions of a regional agreement', { status: 404 });
    await go('/finns/inte', '404 unknown address');
    await audit(page, '404 unknown address', { status: 404 });
    step('6a check filter, init, revisions, redline and 404 pages behave', problems, `${audits.length} pages audited`);
  }

  // -- 6 axe-core and html-validate on every page ----------------------------------------------
  {
    const problems = [];
    const files = audits.filter((a) => a.file).map((a) => a.file);
    // The validator must be able to fail: a page with known markup errors goes along.
    const invalidFixture = path.join(here, 'fixtures/invalid.html');
    const hv = spawnSync(process.execPath, [path.join(here, 'node_modules/html-validate/bin/html-validate.mjs'),
      '-c', path.join(here, '.htmlvalidate.json'), '-f', 'json', ...files, invalidFixture], { cwd: here, encoding: 'utf8', maxBuffer: 64 << 20 });
    let results = [];
    try { results = JSON.parse(hv.stdout || '[]'); } catch { problems.push(`html-validate gave no JSON: ${hv.stdout.slice(0, 200)} ${hv.stderr.slice(0, 200)}`); }
    if (hv.status !== 0 && results.length === 0) problems.push(`html-validate exited ${hv.status}: ${hv.stderr.slice(0, 300)}`);
    const neg = results.find((x) => path.resolve(here, x.filePath) === invalidFixture);
    if (!neg || neg.messages.length === 0) problems.push('html-validate did not reject fixtures/invalid.html: its results cannot be trusted');
    for (const a of audits) {
      const msgs = [...a.problems, ...a.axe.map((v) => `axe: ${v}`)];
      const r = results.find((x) => path.resolve(here, x.filePath) === a.file);
      if (r) for (const m of r.messages) msgs.push(`html-validate: ${m.ruleId} line ${m.line}:${m.column}: ${m.message}`);
      if (!a.file) msgs.push('no HTML to validate');
      for (const b of badResources) if (b.label === a.label) msgs.push(`resource: ${b.text}`);
      console.log(`  ${msgs.length ? 'FAIL' : 'ok  '} ${a.label}  ${a.url.replace(base, '/')}`);
      for (const m of msgs.slice(0, 8)) console.log(`         ${m}`);
      for (const m of msgs) problems.push(`${a.label}: ${m}`);
    }
    // Resources that failed on pages shown on the way (a form's answer that was not audited).
    for (const b of badResources) {
      if (audits.some((a) => a.label === b.label)) continue;
      console.log(`  FAIL ${b.label} (page on the way)`);
      console.log(`         resource: ${b.text}`);
      problems.push(`${b.label}: resource: ${b.text}`);
    }
    step('6 axe-core and html-validate accept every page', problems.length ? [`${problems.length} problems on the pages above`] : [],
      `${audits.length} pages`);
  }

  // -- 7 Content-Security-Policy -----------------------------------------------------------------
  {
    const problems = [];
    for (const a of audits) for (const c of a.csp) problems.push(`${a.label}: ${c}`);
    for (const m of consoleLog) {
      if (m.label === 'csp-self-test') continue;
      if (/Content Security Policy/i.test(m.text)) problems.push(`${m.label}: console ${m.type}: ${m.text}`);
    }
    for (const e of pageErrors) problems.push(`${e.label}: page error: ${e.text}`);
    const otherErrors = consoleLog.filter((m) => m.label !== 'csp-self-test' && m.type === 'error' && !/Content Security Policy/i.test(m.text));
    for (const m of otherErrors) console.log(`  (console error, not counted: ${m.label}: ${m.text})`);
    step('7 CSP script-src \'self\' without unsafe-inline, no CSP violations', problems,
      `${audits.length} responses, ${consoleLog.length} console messages`);
  }

  // -- 8 Stop with SIGINT while the browser still shows the workspace: the questionnaire, where
  // someone is typing answers (a page without an event stream; its connection stays open, idle).
  {
    const problems = [];
    await go(`/questions/${localKey}`, 'questionnaire before stop');
    await page.locator('#svar-0').focus();
    await page.keyboard.type('Ett svar som skrivs när servern stängs.');
    await sleep(300);
    const sent = Date.now();
    server.kill('SIGINT');
    // Waits up to 10 s to report how long it took; more than 3 s fails.
    const r = await Promise.race([exited, sleep(10000).then(() => null)]);
    if (!r) {
      problems.push('the server was still running 10 s after SIGINT');
    } else {
      if (r.at - sent > 3000) problems.push(`the server took ${r.at - sent} ms to stop, more than 3 s`);
      if (r.code !== 0) problems.push(`exit code ${r.code}${r.signal ? `, signal ${r.signal}` : ''}, expected 0`);
      if (!/avslutad/.test(serverOut)) problems.push('no "avslutad" line on stdout');
    }
    step('8 SIGINT stops the server cleanly with the questionnaire open', problems, r ? `exit ${r.code} after ${r.at - sent} ms` : 'still running');
  }
} catch (e) {
  console.log(`FAIL the run stopped: ${e.stack || e}`);
  if (serverErr) console.log(`server stderr:\n${serverErr}`);
  exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  clearTimeout(watchdog);
}
const failed = steps.filter((s) => !s.ok);
if (failed.length) exitCode = 1;
console.log(`== ${steps.length - failed.length} of ${steps.length} steps ok in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(exitCode);
