// `npm test`: type-check, lint, check the formatting, build every artifact, run the vitest suite, then print the
// plain closing line CI reads: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const extraArgs = process.argv.slice(2);

function step(label, command, args) {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return result.status === 0;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const gates = [
  ['Type-check (tsc --noEmit)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ...(existsSync('eslint.config.mjs') ? [['Lint (eslint: typescript-eslint type-checked, obsidianmd on the plugin)', npx, ['eslint', '.']]] : []),
  ['Format (prettier --check)', npx, ['prettier', '--check', '--log-level', 'warn', '.']],
  ['Build (esbuild)', process.execPath, ['esbuild.config.mjs']],
];

let gateFailures = 0;
for (const [label, command, args] of gates) {
  if (!step(label, command, args)) {
    gateFailures += 1;
    console.error(`✖ ${label} failed.`);
  }
}

mkdirSync('test-output', { recursive: true });
const report = 'test-output/vitest.json';
step('Tests (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs]);

let passed = 0;
let failed = gateFailures;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += (json.numFailedTests ?? 0) + filesThatFailedToLoad(json);
  skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
} else {
  failed += 1;
  console.error('✖ vitest wrote no report.');
}

// A test file that fails to load (a syntax error, a throwing import) has no failed test to
// count, so it counts once itself. vitest's numFailedTestSuites also counts describe blocks.
function filesThatFailedToLoad(json) {
  return (json.testResults ?? []).filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')).length;
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
