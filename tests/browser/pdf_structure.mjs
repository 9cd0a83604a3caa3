// okgen's tagged PDFs as pdf.js (Firefox's reader) sees them: a second reader next to the
// pikepdf/poppler checks in tests/pdf/, with its own parser of the structure tree, marked
// content and annotations. Runs in Node, no browser.
//
//   node tests/browser/pdf_structure.mjs [--expect-fail] FILE.pdf...
//
// Per file, and for every page:
// - getStructTree() gives a tree (null means pdf.js finds no structure for the page, and the
//   accessibility tree Firefox builds from it is empty); over the document the roles include
//   Document, Sect, H1, P and Link, and a document with any list or table role has the whole
//   family (L/LI/Lbl/LBody, Table/TR/TH/TD) with each member under its proper parent, since
//   a stray LI or TD is read out of context.
// - Every visible text item in getTextContent({ includeMarkedContent: true }) is inside marked
//   content that is an Artifact or has an id (an MCID): otherwise it is untagged text, which
//   PDF/UA forbids. Every such id is referenced by exactly one leaf of the page's structure
//   tree, and every leaf points at marked content that exists: a broken ParentTree or MCID
//   shows up as content no reader reaches, or as a node with nothing behind it.
// - The tree's own text (the content each leaf references, in tree order, which is reading
//   order) is non-empty; the first heading has text and equals the document title (Info
//   /Title), every bookmark title is the text of some heading (the outline and the tags agree),
//   and heading levels start at H1 and never skip going down, as in the HTML checks.
// - Every Link annotation has its /Contents (pdf.js exposes it as contentsObj) and is an
//   OBJR child of a Link element on its page, so a screen reader can name and reach it.
// - The document is marked (MarkInfo /Marked) and has a language (Catalog /Lang).
// Exits 1 and lists the problems when any check fails; prints one line per file otherwise.
// With --expect-fail every file must fail instead (the negative fixtures): the problems found
// are printed and the exit code is 0 only if each file had at least one.
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const expectFail = args.includes('--expect-fail');
const files = args.filter((a) => a !== '--expect-fail');
if (files.length === 0) {
  console.error('usage: node pdf_structure.mjs [--expect-fail] FILE.pdf...');
  process.exit(2);
}

// Role families: each member and the parents it may have.
const families = [
  // Lbl is not tied to LI: the Tagged PDF best practice guide also uses it for a note's number.
  { roles: ['L', 'LI', 'Lbl', 'LBody'], parents: { LI: ['L'], LBody: ['LI'] } },
  { roles: ['Table', 'TR', 'TH', 'TD'],
    parents: { TR: ['Table', 'THead', 'TBody', 'TFoot'], TH: ['TR'], TD: ['TR'], THead: ['Table'], TBody: ['Table'], TFoot: ['Table'] } },
];
const norm = (s) => s.replace(/\s+/g, ' ').trim();

async function check(file) {
  const problems = [];
  // nodes: structure elements as pdf.js gives them per page (Document and Sect once a page).
  const n = { pages: 0, nodes: 0, leaves: 0, textItems: 0, links: 0 };
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: VerbosityLevel.ERRORS,
                                  isEvalSupported: false }).promise;
  const { info } = await doc.getMetadata();
  if (!info.Language) problems.push('no document language (Catalog /Lang)');
  if (!(await doc.getMarkInfo())?.Marked) problems.push('MarkInfo /Marked is not true');
  const roles = new Set();
  const headings = []; // { level, text, page }
  let treeText = '';
  for (let p = 1; p <= doc.numPages; p++) {
    n.pages++;
    const at = (msg) => problems.push(`page ${p}: ${msg}`);
    const page = await doc.getPage(p);
    const [tree, content, annots] = await Promise.all([
      page.getStructTree(), page.getTextContent({ includeMarkedContent: true }), page.getAnnotations()]);

    // Marked content: the text of each id, and visible text outside any tagged or artifact span.
    // pdf.js trims the space okgen writes at a line's end and drops a soft hyphen (U+00AD)
    // there alike, so a line end counts as a space: a word hyphenated over two lines reads
    // as two words here (a hyphenated heading would fail the title and bookmark comparisons).
    const mcText = new Map();
    const stack = [];
    let untagged = 0, firstUntagged = '';
    for (const item of content.items) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        stack.push(item);
        if (item.id) {
          if (mcText.has(item.id)) at(`marked content id ${item.id} occurs twice`);
          mcText.set(item.id, '');
        }
      } else if (item.type === 'endMarkedContent') {
        stack.pop();
      } else if (item.str !== undefined) {
        const owner = stack.findLast((m) => m.id || m.tag === 'Artifact');
        if (owner?.id) mcText.set(owner.id, mcText.get(owner.id) + item.str + (item.hasEOL ? ' ' : ''));
        if (!item.str.trim()) continue;
        n.textItems++;
        if (!owner) { untagged++; firstUntagged ||= item.str; }
      }
    }
    if (untagged) at(`${untagged} text items outside tagged or artifact content, first "${firstUntagged.slice(0, 60)}"`);

    if (!tree) { at('no structure tree (getStructTree() returned null)'); continue; }
    // Walk the tree in order: roles, parents, leaf references, heading text, OBJR links.
    const referenced = new Map();
    const linkObjects = new Set();
    const walk = (node, parent) => {
      if (node.type === 'content') {
        n.leaves++;
        referenced.set(node.id, (referenced.get(node.id) || 0) + 1);
        if (!mcText.has(node.id)) at(`structure leaf ${node.id} (in ${parent}) points at marked content that is not on the page`);
        return mcText.get(node.id) || '';
      }
      if (node.type === 'object' || node.type === 'annotation') {
        if (parent === 'Link') linkObjects.add(node.id);
        return '';
      }
      const role = node.role;
      if (role !== 'Root') {
        n.nodes++;
        roles.add(role);
        for (const f of families) {
          const ok = f.parents[role];
          if (ok && !ok.includes(parent)) at(`${role} under ${parent}, expected under ${ok.join('/')}`);
        }
      }
      const h = /^H([1-6])$/.exec(role);
      const entry = h && { level: Number(h[1]), text: '', page: p };
      if (entry) headings.push(entry);
      // Text of leaves runs together; element boundaries are word boundaries.
      const text = (node.children || []).map((c) => walk(c, role) + (c.type ? '' : ' ')).join('');
      if (entry) entry.text = norm(text);
      return text;
    };
    treeText += ' ' + walk(tree, null);
    for (const [id, count] of referenced) if (count > 1) at(`marked content ${id} is referenced by ${count} structure leaves`);
    const unreferenced = [...mcText.keys()].filter((id) => !referenced.has(id));
    if (unreferenced.length) at(`marked content not in the structure tree: ${unreferenced.slice(0, 5).join(', ')}`);

    for (const a of annots.filter((x) => x.subtype === 'Link')) {
      n.links++;
      const contents = a.contentsObj?.str ?? a.contents ?? '';
      if (!contents.trim()) at(`link annotation ${a.id} has no /Contents`);
      if (!linkObjects.has(a.id)) at(`link annotation ${a.id} is not an OBJR child of a Link element`);
    }
  }

  if (n.pages === 0) problems.push('no pages');
  const missing = ['Document', 'Sect', 'H1', 'P', 'Link'].filter((r) => !roles.has(r));
  for (const f of families) if (f.roles.some((r) => roles.has(r))) missing.push(...f.roles.filter((r) => !roles.has(r)));
  if (missing.length) problems.push(`roles missing from the structure: ${missing.join(', ')}`);
  if (!norm(treeText)) problems.push('the structure tree has no text');
  if (headings.length) {
    const title = norm(info.Title || '');
    if (!headings[0].text) problems.push(`page ${headings[0].page}: the first heading has no text`);
    else if (title && headings[0].text !== title) problems.push(`first heading "${headings[0].text}" is not the title "${title}"`);
    // A heading split over a page break appears twice, at the same level: allowed.
    let prev = 0;
    for (const h of headings) {
      if (h.level > prev + 1) problems.push(`page ${h.page}: heading level skips H${prev} -> H${h.level} at "${h.text.slice(0, 60)}"`);
      prev = h.level;
    }
  }
  const headingTexts = new Set(headings.map((h) => h.text));
  const outline = [];
  const flatten = (items) => { for (const o of items || []) { outline.push(norm(o.title)); flatten(o.items); } };
  flatten(await doc.getOutline());
  const notHeadings = outline.filter((t) => !headingTexts.has(t));
  if (notHeadings.length) problems.push(`${notHeadings.length} bookmarks are not the text of a heading, first "${notHeadings[0]}"`);
  await doc.destroy();
  return { problems, n, roles, headings: headings.length, bookmarks: outline.length };
}

const start = performance.now();
let failed = 0;
const total = { files: 0, pages: 0, nodes: 0, leaves: 0, textItems: 0, links: 0 };
for (const file of files) {
  let r;
  try {
    r = await check(file);
  } catch (e) {
    r = { problems: [`pdf.js could not read it: ${e.message}`] };
  }
  if (r.problems.length) {
    failed++;
    console.log(`${expectFail ? 'expected failure' : 'FAIL'}: ${file}`);
    // The same fault on many pages is listed once, with its count.
    const counts = new Map();
    for (const p of r.problems) counts.set(p, (counts.get(p) || 0) + 1);
    for (const [p, c] of counts) console.log(`  ${p}${c > 1 ? ` (${c} times)` : ''}`);
    continue;
  }
  total.files++;
  for (const k of Object.keys(r.n)) total[k] += r.n[k];
  if (!expectFail) {
    console.log(`ok: ${file}: ${r.n.pages} pages, ${r.n.nodes} structure elements, ${r.n.leaves} content references, ` +
                `${r.n.textItems} text items, ${r.n.links} links, ${r.headings} headings, ${r.bookmarks} bookmarks, ${r.roles.size} roles`);
  } else {
    console.log(`FAIL: ${file} passed, but it should fail`);
  }
}
const ms = Math.round(performance.now() - start);
if (expectFail) {
  process.exit(failed === files.length ? 0 : 1);
}
if (failed) {
  console.log(`FAIL: pdf.js finds problems in ${failed} of ${files.length} PDFs`);
  process.exit(1);
}
console.log(`ok: pdf.js reads ${total.files} PDFs (${total.pages} pages, ${total.nodes} structure elements, ${total.leaves} ` +
            `content references, ${total.textItems} text items, ${total.links} links) as tagged, in ${ms} ms`);
