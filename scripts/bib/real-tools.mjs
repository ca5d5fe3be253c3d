// Runs a .bib through the tools people build with and counts what each one says:
//   biber --tool --validate-datamodel; bibtex with pdflatex (plain style); biblatex with biber;
//   pandoc --citeproc.
// Each cites every key once and reports errors, entries printed, citations resolved, and titles
// whose protected capitals (the {Q} of {Q}-Learning) a style lower-cased.
// Used by `npm run test:bib` and callable on any .bib (`node scripts/test-bib.mjs --bib FILE`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDebianPackages } from '../e2e/debian-packages.mjs';

export const BIB_DEBIAN_PACKAGES = ['biber', 'pandoc', 'texlive-latex-base', 'texlive-latex-recommended', 'texlive-bibtex-extra'];

/** Installs the tools when they are missing (as root, through apt-get). */
export async function ensureBibTools() {
  return ensureDebianPackages(BIB_DEBIAN_PACKAGES);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, max_print_line: '10000' } });
  if (result.error) throw new Error(`Could not start ${command}: ${result.error.message}.`);
  return { status: result.status ?? 1, out: `${result.stdout}${result.stderr}` };
}

/** Keys and the capitals each entry's title protects, read from the .bib as written. */
export function entriesOf(bib) {
  const entries = [];
  for (const match of bib.matchAll(/^@(\w+)\s*\{\s*([^,\s]+)\s*,([\s\S]*?)^\}/gm)) {
    if (/^(string|comment|preamble)$/i.test(match[1])) continue;
    const title = /^\s*title\s*=\s*\{(.*)\},?\s*$/m.exec(match[3])?.[1] ?? '';
    // {Word} that is not a command's argument and not math: a protected word.
    const protectedWords = [...title.matchAll(/(?<![\\A-Za-z])\{([\p{L}\p{N}'’]+)\}/gu)].map((m) => m[1]);
    entries.push({ key: match[2], protectedWords });
  }
  return entries;
}

// Characters pdflatex's T1 fonts lack (CJK, Greek in text, Vietnamese stacked accents) stop it
// with "not set up for use with LaTeX". A one-page probe of every non-ASCII character in the
// .bib finds them; they are declared for the real runs, as a pdflatex user with such names must.
function undeclaredCharacters(dir, bib) {
  const chars = [...new Set(bib.match(/[^\u0000-\u007f]/gu) ?? [])];
  if (chars.length === 0) return [];
  const probe = [
    '\\documentclass{article}',
    '\\usepackage[T1]{fontenc}',
    '\\usepackage{amsmath,amssymb}',
    '\\begin{document}',
    ...chars.map((c) => `${c}\\par`),
    '\\end{document}',
    '',
  ];
  writeFileSync(path.join(dir, 'probe.tex'), probe.join('\n'));
  run('pdflatex', ['-interaction=nonstopmode', '-draftmode', 'probe.tex'], dir);
  const log = readFileSync(path.join(dir, 'probe.log'), 'utf8');
  const missing = new Set([...log.matchAll(/Unicode character .+? \(U\+([0-9A-F]+)\)/gu)].map((m) => m[1]));
  return [...missing].map((hex) => `\\DeclareUnicodeCharacter{${hex}}{[U+${hex}]}`);
}

function latexDocument(entries, { biblatex, declared }) {
  const cites = entries.map((e) => `\\cite{${e.key}}`).join('\n');
  return [
    '\\documentclass{article}',
    '\\usepackage[T1]{fontenc}',
    // What a document with math in its references loads anyway.
    '\\usepackage{amsmath,amssymb}',
    ...declared,
    biblatex ? '\\usepackage[backend=biber,style=numeric]{biblatex}\n\\addbibresource{refs.bib}' : '',
    '\\begin{document}',
    cites,
    biblatex ? '\\printbibliography' : '\\bibliographystyle{plain}\n\\bibliography{refs}',
    '\\end{document}',
    '',
  ].join('\n');
}

function latexErrors(log) {
  return [...log.matchAll(/^! (.*)$/gm)].map((m) => m[1]);
}

function undefinedCitations(log) {
  return [...log.matchAll(/Citation [`'](.+?)' (?:on page \d+ )?undefined/g)].map((m) => m[1]);
}

/** Capitals a style lost: protected words missing, case for case, from the entry's printed text. */
function lostCapitals(entries, printedByKey) {
  const lost = [];
  for (const { key, protectedWords } of entries) {
    const printed = printedByKey.get(key);
    if (printed === undefined) continue;
    // Styles may turn ' into ’; the capitals are what is checked.
    const text = printed.replace(/’/g, "'");
    for (const word of protectedWords) if (!text.includes(word.replace(/’/g, "'"))) lost.push(`${key}: ${word}`);
  }
  return lost;
}

function bibtexPlain(dir, entries, declared) {
  writeFileSync(path.join(dir, 'plain.tex'), latexDocument(entries, { biblatex: false, declared }));
  const latex = () => run('pdflatex', ['-interaction=nonstopmode', 'plain.tex'], dir);
  latex();
  const bibtex = run('bibtex', ['plain'], dir);
  latex();
  const final = latex();
  const log = readFileSync(path.join(dir, 'plain.log'), 'utf8');
  const bbl = readFileSync(path.join(dir, 'plain.bbl'), 'utf8');
  const items = bbl.split(/\\bibitem(?:\[[^\]]*\])?\{/).slice(1);
  const printedByKey = new Map(items.map((item) => [item.slice(0, item.indexOf('}')), item.replace(/[{}]/g, '')]));
  const bibtexErrors = Number(/There (?:was|were) (\d+) error messages?/.exec(bibtex.out)?.[1] ?? (/There was 1 error message/.test(bibtex.out) ? 1 : 0));
  const bibtexWarnings = [...bibtex.out.matchAll(/^Warning--(.*)$/gm)].map((m) => m[1]);
  return {
    tool: 'bibtex + pdflatex (plain)',
    errors: [
      ...(bibtexErrors ? [`bibtex: ${bibtexErrors} error messages`] : []),
      ...latexErrors(log),
      ...(final.status !== 0 ? [`pdflatex exit ${final.status}`] : []),
    ],
    warnings: bibtexWarnings,
    printed: items.length,
    resolved: entries.length - undefinedCitations(log).length,
    lostCapitals: lostCapitals(entries, printedByKey),
    log,
  };
}

function biblatexBiber(dir, entries, declared) {
  writeFileSync(path.join(dir, 'biblatex.tex'), latexDocument(entries, { biblatex: true, declared }));
  const latex = () => run('pdflatex', ['-interaction=nonstopmode', 'biblatex.tex'], dir);
  latex();
  const biber = run('biber', ['biblatex'], dir);
  // biblatex defines every citation from the .bbl at \begin{document}: one run after biber
  // prints and resolves them all (bibtex's \bibcite needs one run more).
  const final = latex();
  const log = readFileSync(path.join(dir, 'biblatex.log'), 'utf8');
  const bbl = readFileSync(path.join(dir, 'biblatex.bbl'), 'utf8');
  const biberErrors = [...biber.out.matchAll(/^ERROR - (.*)$/gm)].map((m) => `biber: ${m[1]}`);
  return {
    tool: 'biblatex + biber',
    errors: [
      ...biberErrors,
      ...(biber.status !== 0 ? [`biber exit ${biber.status}`] : []),
      ...latexErrors(log),
      ...(final.status !== 0 ? [`pdflatex exit ${final.status}`] : []),
    ],
    warnings: [...biber.out.matchAll(/^WARN - (.*)$/gm)].map((m) => m[1]),
    printed: (bbl.match(/\\entry\{/g) ?? []).length,
    resolved: entries.length - undefinedCitations(log).length,
    lostCapitals: [],
    log,
  };
}

function biberTool(dir) {
  const result = run('biber', ['--tool', '--validate-datamodel', '--output-directory', dir, 'refs.bib'], dir);
  return {
    tool: 'biber --tool --validate-datamodel',
    errors: [...[...result.out.matchAll(/^ERROR - (.*)$/gm)].map((m) => m[1]), ...(result.status !== 0 ? [`biber exit ${result.status}`] : [])],
    warnings: [...result.out.matchAll(/^WARN - (.*)$/gm)].map((m) => m[1]),
    printed: (readFileSync(path.join(dir, 'refs_bibertool.bib'), 'utf8').match(/^@/gm) ?? []).length,
    resolved: undefined,
    lostCapitals: [],
  };
}

function pandocCiteproc(dir, entries) {
  writeFileSync(path.join(dir, 'doc.md'), entries.map((e) => `See [@${e.key}].`).join('\n\n') + '\n');
  const result = run('pandoc', ['--citeproc', '--bibliography', 'refs.bib', '-t', 'html', '-o', 'doc.html', 'doc.md'], dir);
  const html = result.status === 0 ? readFileSync(path.join(dir, 'doc.html'), 'utf8') : '';
  const refs = html.split('<div id="ref-').slice(1);
  const printedByKey = new Map(refs.map((ref) => [ref.slice(0, ref.indexOf('"')), ref.slice(0, ref.indexOf('</div>')).replace(/<[^>]+>/g, '')]));
  const notFound = [...result.out.matchAll(/Citeproc: citation (\S+) not found/g)].map((m) => m[1]);
  const warnings = [...result.out.matchAll(/^\[WARNING\] (.*)$/gm)].map((m) => m[1]);
  return {
    tool: 'pandoc --citeproc',
    errors: [
      ...(result.status !== 0 ? [`pandoc exit ${result.status}: ${result.out.trim().split('\n')[0]}`] : []),
      ...notFound.map((k) => `citation ${k} not found`),
    ],
    warnings: warnings.filter((w) => !/not found/.test(w)),
    printed: refs.length,
    resolved: entries.length - notFound.length,
    lostCapitals: lostCapitals(entries, printedByKey),
  };
}

/**
 * Every tool's reading of `bibPath`: an array of { tool, errors[], warnings[], printed, resolved,
 * lostCapitals[] }, plus the characters pdflatex needed declared. Leaves nothing behind.
 */
export function checkBibWithRealTools(bibPath) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pf-bib-'));
  try {
    copyFileSync(bibPath, path.join(dir, 'refs.bib'));
    const bib = readFileSync(bibPath, 'utf8');
    const entries = entriesOf(bib);
    const declared = undeclaredCharacters(dir, bib);
    const plain = bibtexPlain(dir, entries, declared);
    const latex = biblatexBiber(dir, entries, declared);
    const results = [biberTool(dir), plain, latex, pandocCiteproc(dir, entries)].map(({ log: _log, ...r }) => r);
    return { entries: entries.length, declaredCharacters: declared.length, results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
