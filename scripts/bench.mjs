// `npm run bench`: builds the artifacts, compiles the benchmark suites in bench/ (TypeScript) with
// esbuild into a temp folder, runs each suite in its own Node process, then writes
// bench/results.json and prints the table (Markdown) with the machine it ran on.
// Options: --only SUITE[,SUITE] (parse, vault-write, vault-scale, obsidian, vscode, http, rank, catch-up,
// startup, memory, year), --skip-build (reuse dist/ as it is).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, availableParallelism, loadavg, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { TEXT_LOADERS } from './text-loaders.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
process.chdir(repoRoot);

const SUITES = ['parse', 'vault-write', 'vault-scale', 'obsidian', 'vscode', 'http', 'rank', 'catch-up', 'startup', 'memory', 'year'];
/** Node flags a suite needs: the memory suite forces garbage collections between its readings, rank one after each index build. */
const NODE_FLAGS = { memory: ['--expose-gc'], year: ['--expose-gc'], rank: ['--expose-gc'] };
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : SUITES;
const unknown = only.filter((s) => !SUITES.includes(s));
if (unknown.length > 0) {
  console.error(`Unknown suite ${unknown.join(', ')}; choose from ${SUITES.join(', ')}.`);
  process.exit(2);
}
const started = performance.now();

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown CPU';
  return {
    cpu: model,
    cores: availableParallelism(),
    node: process.version,
    os: `${process.platform} ${release()}`,
    tempFolder: `${tmpdir()} (${fileSystemOf(tmpdir())})`,
    // Other work on the machine moves every figure; the one-minute load average says how much.
    loadAverageAtStart: Number(loadavg()[0].toFixed(2)),
  };
}

/** The file system type holding `path`, from /proc/mounts (the longest matching mount point). */
function fileSystemOf(path) {
  if (!existsSync('/proc/mounts')) return 'unknown file system';
  let best = { point: '', type: 'unknown file system' };
  for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
    const [, point, type] = line.split(' ');
    if (point && path.startsWith(point) && point.length >= best.point.length) best = { point, type };
  }
  return best.type;
}

const info = machine();
console.error(`Benchmarks on ${info.cpu}, ${info.cores} cores, Node ${info.node}; temp files in ${info.tempFolder}.`);

if (!args.includes('--skip-build')) {
  console.error('▶ Building the artifacts (node esbuild.config.mjs)…');
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) console.error('✖ The build failed; benchmarks of built artifacts will say so.');
}

/**
 * Bundled modules would all share the bundle's import.meta.url; the stand-ins find files next to
 * themselves with it, so each TypeScript module keeps its own (its path in the repository).
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

const work = mkdtempSync(join(tmpdir(), 'paper-feed-bench-'));
const rows = [];
try {
  await esbuild.build({
    entryPoints: only.map((s) => `bench/${s}.ts`),
    outdir: work,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    alias: { vscode: './test/stand-ins/vscode.ts' },
    loader: TEXT_LOADERS,
    plugins: [ownImportMetaUrl],
    // gray-matter and friends are CommonJS that call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  // The obsidian stand-in as CommonJS, to answer the built plugin's require('obsidian').
  await esbuild.build({
    entryPoints: ['test/stand-ins/obsidian.ts'],
    outfile: join(work, 'obsidian-stand-in.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });

  for (const suite of only) {
    console.error(`▶ ${suite}`);
    const out = join(work, `${suite}.json`);
    const run = spawnSync(process.execPath, [...(NODE_FLAGS[suite] ?? []), join(work, `${suite}.mjs`), out], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PAPER_FEED_REPO: repoRoot, PAPER_FEED_BENCH_WORK: work },
    });
    if (run.status === 0 && existsSync(out)) {
      const result = JSON.parse(readFileSync(out, 'utf8'));
      console.error(`  (${result.seconds.toFixed(1)} s)`);
      rows.push(...result.rows);
    } else {
      rows.push({
        id: suite,
        what: `suite ${suite}`,
        measured: 'failed',
        comparedWith: '',
        ratio: '',
        goal: '',
        met: false,
        notes: [`the suite exited with status ${run.status}; see its output above`],
        figures: {},
      });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const seconds = (performance.now() - started) / 1000;
info.loadAverageAtEnd = Number(loadavg()[0].toFixed(2));
const results = { generatedAt: new Date().toISOString(), machine: info, seconds: Math.round(seconds), rows };
if (only.length === SUITES.length) writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
else {
  // A part's figures (per-run times included) are kept beside the other test output, not over the whole bench's.
  const partial = join('test-output', 'bench', `results-${only.join('-')}.json`);
  mkdirSync(dirname(partial), { recursive: true });
  writeFileSync(partial, `${JSON.stringify(results, null, 2)}\n`);
  console.error(`(--only: bench/results.json left as it was; these figures are in ${partial})`);
}

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const met = (m) => (m === true ? 'yes' : m === false ? '**no**' : 'n/a');
const lines = [
  `Machine: ${info.cpu}, ${info.cores} cores, Node ${info.node}, ${info.os}; temp files on ${info.tempFolder}; load average ${info.loadAverageAtStart} at the start, ${info.loadAverageAtEnd} at the end. Total bench time ${Math.round(seconds)} s.`,
  '',
  '| what | measured (median, min–max) | compared with | ratio | goal | met |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${cell(r.what)} | ${cell(r.measured)} | ${cell(r.comparedWith || '—')} | ${cell(r.ratio || '—')} | ${cell(r.goal)} | ${met(r.met)} |`),
  '',
  ...rows.flatMap((r) => r.notes.map((n) => `- ${cell(r.what)}: ${n}`)),
];
console.log(lines.join('\n'));
process.exit(rows.some((r) => r.measured === 'failed') ? 1 : 0);
