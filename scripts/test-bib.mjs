// `npm run test:bib`: Paper Feed's BibTeX through the real tools. Writes the entries for the
// sample announcement, every recorded arXiv response in ../shared/arxiv-samples and a seeded
// hostile corpus (the same the parser oracle reads), runs biber, bibtex + pdflatex, biblatex +
// biber and pandoc --citeproc on each set, and prints "N passed, N failed".
// `node scripts/test-bib.mjs --bib FILE` checks one .bib instead (after a VS Code append, say).
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkBibWithRealTools, ensureBibTools } from './bib/real-tools.mjs';
import { TEXT_LOADERS } from './text-loaders.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repoRoot);

/** The corpus module (TypeScript) bundled for Node, so this script can call it. */
async function loadCorpus(dir) {
  const outfile = path.join(dir, 'corpus.mjs');
  await esbuild.build({
    entryPoints: ['test/cite/bib-corpus.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    loader: TEXT_LOADERS,
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

function report(name, check) {
  let passed = 0;
  let failed = 0;
  console.log(
    `\n${name}: ${check.entries} entries${check.declaredCharacters ? ` (${check.declaredCharacters} characters the T1 fonts lack declared for pdflatex)` : ''}`,
  );
  for (const r of check.results) {
    const ok =
      r.errors.length === 0 && r.printed === check.entries && (r.resolved === undefined || r.resolved === check.entries) && r.lostCapitals.length === 0;
    ok ? (passed += 1) : (failed += 1);
    const resolved = r.resolved === undefined ? '' : `, ${r.resolved} citations resolved`;
    console.log(
      `  ${ok ? '✓' : '✗'} ${r.tool}: ${r.errors.length} errors, ${r.warnings.length} warnings, ${r.printed} entries printed${resolved}, ${r.lostCapitals.length} protected capitals lost`,
    );
    for (const line of [...r.errors, ...r.lostCapitals.map((c) => `capital lost: ${c}`)].slice(0, 10)) console.log(`      ${line}`);
    for (const line of r.warnings.slice(0, ok ? 3 : 10)) console.log(`      warning: ${line}`);
  }
  return { passed, failed };
}

async function main() {
  await ensureBibTools();
  const started = Date.now();
  const bibFlag = process.argv.indexOf('--bib');
  // `--keep DIR` also leaves each generated .bib in DIR, to look at or to run a tool on by hand.
  const keepFlag = process.argv.indexOf('--keep');
  const keepDir = keepFlag >= 0 ? path.resolve(process.argv[keepFlag + 1] ?? '') : undefined;
  let totals = { passed: 0, failed: 0 };
  const add = (r) => (totals = { passed: totals.passed + r.passed, failed: totals.failed + r.failed });
  if (bibFlag >= 0) {
    const file = path.resolve(process.argv[bibFlag + 1] ?? '');
    add(report(file, checkBibWithRealTools(file)));
  } else {
    // Inside the repository (test-output/ is ignored), so the bundle finds node_modules.
    mkdirSync(path.join(repoRoot, 'test-output'), { recursive: true });
    const dir = mkdtempSync(path.join(repoRoot, 'test-output', 'bib-'));
    try {
      const corpus = await loadCorpus(dir);
      const sets = [
        ['sample announcement', [corpus.sampleSource()]],
        ['recorded arXiv responses (RSS, API, OAI-PMH)', corpus.recordedSources()],
        ['published papers (journal references split or kept whole)', [corpus.publishedSource()]],
        ['hostile titles and authors (seeded)', [corpus.hostileSource()]],
      ];
      for (const [name, sources] of sets) {
        const entries = corpus.writtenEntries(sources);
        if (entries.length === 0) {
          console.log(`\n${name}: no papers (is ../shared/arxiv-samples there?)`);
          add({ passed: 0, failed: 1 });
          continue;
        }
        const file = path.join(dir, `${name.split(' ')[0]}.bib`);
        writeFileSync(file, entries.map((e) => e.entry).join('\n\n') + '\n');
        if (keepDir) writeFileSync(path.join(keepDir, path.basename(file)), entries.map((e) => e.entry).join('\n\n') + '\n');
        if (process.argv.includes('--write-only')) continue;
        add(report(name, checkBibWithRealTools(file)));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\ntook ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exitCode = totals.failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
