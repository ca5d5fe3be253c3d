// `npm run test:e2e`: sets up what the real-VS-Code suite needs (Debian packages, Node 24 and
// code-server in .tools/, the packaged .vsix), starts the arXiv stand-in, code-server and
// Chromium, runs test/e2e, tears everything down pass or fail, and prints "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startArxivStandIn } from './e2e/arxiv-stand-in.mjs';
import { launchBrowserServer } from './e2e/browser.mjs';
import { installExtension, launchCodeServer } from './e2e/code-server.mjs';
import { E2E_DEBIAN_PACKAGES, ensureDebianPackages } from './e2e/debian-packages.mjs';
import { packageExtension } from './e2e/package-extension.mjs';
import { killProcessGroupNow, stopProcessGroup } from './e2e/process-group.mjs';
import { ensureTools } from './e2e/tools.mjs';
import { prepareRunFolder, runEnvironment, writeUserSettings, writeWorkspace } from './e2e/workspace.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repoRoot);
const outputDir = path.join(repoRoot, 'test-output', 'e2e');
const report = path.join(outputDir, 'vitest.json');
const FIRST_FIXTURE = 'rss-2026-05-12.xml';
// PAPER_FEED_E2E_TOOLS may point at a folder kept between clones (CI), to skip the cold install.
const toolsDir = path.resolve(process.env.PAPER_FEED_E2E_TOOLS ?? path.join(repoRoot, '.tools'));
// `--vsix FILE` tests an existing package instead of building one (for iterating on the suite).
const vsixFlag = process.argv.indexOf('--vsix');
const givenVsix = vsixFlag >= 0 ? process.argv[vsixFlag + 1] : undefined;

// Process groups still running; stopped at teardown, or killed outright if this process dies.
const runningGroups = new Set();
const closers = [];
process.on('exit', () => runningGroups.forEach(killProcessGroupNow));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping code-server and Chromium.`);
    process.exit(1);
  });
}

async function timed(label, work) {
  const started = Date.now();
  process.stdout.write(`▶ ${label}\n`);
  const result = await work();
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function setUp() {
  await timed(`Debian packages (${E2E_DEBIAN_PACKAGES.join(', ')})`, () => ensureDebianPackages());
  const tools = await timed(`Node 24 and code-server in ${path.relative(repoRoot, toolsDir) || toolsDir}`, () => ensureTools(toolsDir));
  const vsixPath = givenVsix
    ? path.resolve(givenVsix)
    : await timed('Build and package the extension (npm run package:vscode)', () => packageExtension(repoRoot));
  console.log(`  ${path.relative(repoRoot, vsixPath)}`);

  const folders = prepareRunFolder(path.join(outputDir, 'run'));
  closers.push(async () => rmSync(folders.tmpDir, { recursive: true, force: true }));
  const env = runEnvironment(folders);
  const fixtures = path.join(repoRoot, 'test', 'e2e', 'fixtures');
  const standIn = await startArxivStandIn({ fixtureDir: fixtures, fixture: FIRST_FIXTURE });
  closers.push(standIn.close);
  writeWorkspace(folders, path.join(fixtures, 'workspace'));
  writeUserSettings(folders, standIn.url);

  await timed('Install the .vsix into code-server', () => installExtension({ tools, folders, env, vsixPath }));
  const codeServer = await timed('Start code-server', async () => {
    const launched = await launchCodeServer({ tools, folders, env });
    runningGroups.add(launched.pgid);
    await launched.ready;
    return launched;
  });
  const browser = await timed('Start Chromium', async () => {
    const launched = await launchBrowserServer(env);
    runningGroups.add(launched.pgid);
    return launched;
  });
  closers.push(browser.close);

  const runFile = path.join(folders.runDir, 'run.json');
  writeFileSync(
    runFile,
    JSON.stringify(
      {
        codeServerUrl: codeServer.url,
        codeServerLog: codeServer.logPath,
        standInUrl: standIn.url,
        wsEndpoint: browser.wsEndpoint,
        workspaceDir: folders.workspaceDir,
        screenshotDir: outputDir,
      },
      null,
      2,
    ),
  );
  return { runFile, env };
}

// Asynchronous on purpose: the stand-in and the browser server live in this process and must
// keep answering while the suite runs.
function runSuite(runFile, env) {
  rmSync(report, { force: true });
  const suite = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--config',
      'test/e2e/vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit', env: { ...env, PAPER_FEED_E2E_RUN: runFile } },
  );
  return new Promise((resolve) => suite.on('exit', resolve));
}

function countResults() {
  if (!existsSync(report)) {
    console.error('✖ The e2e suite wrote no report.');
    return { passed: 0, failed: 1 };
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const failedSuites = (json.testResults ?? []).filter((s) => s.status === 'failed' && !(s.assertionResults ?? []).some((t) => t.status === 'failed')).length;
  const notRun = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  if (notRun > 0) console.error(`✖ ${notRun} e2e test(s) were skipped; every flow must run, so they count as failed.`);
  return { passed: json.numPassedTests ?? 0, failed: (json.numFailedTests ?? 0) + failedSuites + notRun };
}

async function tearDown() {
  for (const close of closers.reverse()) {
    await close().catch(() => undefined);
  }
  for (const pgid of runningGroups) {
    await stopProcessGroup(pgid);
    runningGroups.delete(pgid);
  }
}

const started = Date.now();
mkdirSync(outputDir, { recursive: true });
for (const old of readdirSync(outputDir).filter((name) => name.endsWith('.png'))) rmSync(path.join(outputDir, old));

let counts;
try {
  const { runFile, env } = await setUp();
  console.log('▶ End-to-end suite (test/e2e)');
  await runSuite(runFile, env);
  counts = countResults();
} catch (error) {
  console.error(`✖ e2e setup failed: ${error instanceof Error ? error.message : String(error)}`);
  counts = { passed: 0, failed: 1 };
} finally {
  await timed('Tear down', tearDown);
}

if (counts.failed > 0) {
  console.log('Look at test-output/e2e/failed-*.png (the workbench when a flow failed), test-output/e2e/run/code-server.log');
  console.log('and the extension host log under test-output/e2e/run/user-data/logs/ (kept until the next run).');
}
console.log(`e2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed === 0 && counts.passed > 0 ? 0 : 1);
