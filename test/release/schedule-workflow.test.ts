// The workflow `paper-feed init github-actions` writes, run step by step as GitHub would, in a
// temporary git repository with a bare "GitHub" remote: a fresh clone for each run (what
// actions/checkout does), the `run:` steps in bash -eo pipefail, `npx paper-feed@VERSION` served
// by a local npm registry stand-in, and arXiv by the local stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { npmEnvironment, startNpmRegistry, type NpmRegistryStandIn } from '../support/npm-registry';
import { DEFAULT_FEED_PATH, feedDated, runBuiltCli } from '../cli/support';
import { VERSION, filesUnder, packCli, runAsync, type Ran } from './support';
import { jobSteps, lintWorkflow, parseYaml } from './workflow-tools';

const WORKFLOW = '.github/workflows/paper-feed.yml';
const FIRST_LINE = '19 papers matched · 19 notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md';

let work: string;
let arxiv: ArxivStandIn;
let registry: NpmRegistryStandIn;
let remote: string;

async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await runAsync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.org', ...args], cwd);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

interface JobRun {
  /** The step that failed, if one did; later steps did not run, as on GitHub. */
  failed?: string;
  outputs: Ran[];
}

/** One run of the workflow's job in a fresh clone; `extraEnv` stands for what GitHub would set. */
async function runJob(label: string, extraEnv: Record<string, string> = {}): Promise<JobRun> {
  const runner = path.join(work, label);
  mkdirSync(path.join(runner, 'temp'), { recursive: true });
  const checkout = path.join(runner, 'repository');
  await git(work, 'clone', '--quiet', remote, checkout);
  const steps = jobSteps(parseYaml(readFileSync(path.join(checkout, WORKFLOW), 'utf8')), 'digest');
  // Only these two actions may be stood in for: the clone above is the checkout, and this Node is Node 20.
  expect(steps.filter((s) => s.uses).map((s) => s.uses)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4']);
  const outputs: Ran[] = [];
  for (const step of steps.filter((s) => s.run)) {
    // A missing secret is an empty string on GitHub.
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, value.replace(/\$\{\{\s*secrets\.\w+\s*\}\}/g, '')]));
    const env = {
      ...npmEnvironment(registry.url, path.join(work, 'npm')),
      RUNNER_TEMP: path.join(runner, 'temp'),
      PAPER_FEED_RSS_BASE: arxiv.url('/rss'),
      ...stepEnv,
      ...extraEnv,
    };
    const scriptFile = path.join(runner, 'temp', `step-${outputs.length}.sh`);
    writeFileSync(scriptFile, step.run!);
    const ran = await runAsync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], checkout, env);
    outputs.push(ran);
    if (ran.code !== 0) return { failed: step.name, outputs };
  }
  return { outputs };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pf-schedule-'));
  registry = await startNpmRegistry([packCli(path.join(work, 'pack'))]);
  arxiv = await startArxivServer();
  remote = path.join(work, 'github.git');
  await git(work, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  const vault = path.join(work, 'laptop');
  await git(work, 'clone', '--quiet', remote, vault);
  writeFileSync(path.join(vault, 'Ideas.md'), '# Ideas\n\nMy own note.\n');
  await git(vault, 'add', 'Ideas.md');
  await git(vault, 'commit', '--quiet', '-m', 'My vault');
  const init = await runBuiltCli(['init', 'github-actions'], vault);
  expect(init.stderr).toBe('');
  expect(init.stdout.split('\n')[0]).toBe(`Wrote .github/workflows/paper-feed.yml (paper-feed ${VERSION}, vault .).`);
  await git(vault, 'add', WORKFLOW);
  await git(vault, 'commit', '--quiet', '-m', 'Paper Feed schedule');
  await git(vault, 'push', '--quiet', 'origin', 'main');
}, 180_000);
afterAll(async () => {
  await registry?.close();
  await arxiv?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the scheduled workflow', () => {
  it('passes actionlint', async () => {
    const text = await git(work, '--git-dir', remote, 'show', `main:${WORKFLOW}`);
    expect(await lintWorkflow(text, WORKFLOW)).toEqual([]);
    expect(parseYaml(text).on).toEqual({ schedule: [{ cron: '30 0 * * 1-5' }, { cron: '30 1 * * 1-5' }], workflow_dispatch: null });
  });

  it('commits the digest and its notes once, then nothing for the same announcement, then nothing on a failed fetch', async () => {
    arxiv.reply(DEFAULT_FEED_PATH, { body: feedDated('Thu, 28 May 2026 00:00:00 -0400') });
    const before = await git(work, '--git-dir', remote, 'rev-parse', 'main');

    const first = await runJob('first');
    expect(first.failed).toBeUndefined();
    expect(first.outputs[0]!.stdout.split('\n')[0]).toBe(FIRST_LINE);
    expect(await git(work, '--git-dir', remote, 'rev-list', '--count', `${before}..main`)).toBe('1');
    expect(await git(work, '--git-dir', remote, 'log', '-1', '--format=%an <%ae>%n%s', 'main')).toBe(
      `Paper Feed <41898282+github-actions[bot]@users.noreply.github.com>\nPaper Feed: ${FIRST_LINE}`,
    );
    const committed = (await git(work, '--git-dir', remote, 'show', '--name-only', '--format=', 'main')).split('\n');
    expect(committed.filter((file) => file.startsWith('arXiv/Papers/') && file.endsWith('.md'))).toHaveLength(19);
    expect(committed.filter((file) => !file.startsWith('arXiv/Papers/'))).toEqual(['arXiv/Daily/2026-05-28.md']);
    // The run's own caches stay out of the repository, and so does everything else it did not write.
    expect(filesUnder(path.join(work, 'first', 'repository', '.paper-feed')).length).toBeGreaterThan(0);
    expect(await git(work, '--git-dir', remote, 'show', 'main:Ideas.md')).toBe('# Ideas\n\nMy own note.');

    const after = await git(work, '--git-dir', remote, 'rev-parse', 'main');
    const second = await runJob('second');
    expect(second.failed).toBeUndefined();
    expect(second.outputs[0]!.stdout.split('\n')[0]).toBe('19 papers matched · 0 notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md');
    expect(second.outputs[1]!.stdout).toBe('No new or updated notes to commit.\n');
    expect(await git(work, '--git-dir', remote, 'rev-parse', 'main')).toBe(after);

    arxiv.reply(DEFAULT_FEED_PATH, { status: 503, body: 'down' });
    const failed = await runJob('failed', { PAPER_FEED_MAX_ATTEMPTS: '1' });
    expect(failed.failed).toBe('Write the latest announcement');
    expect(failed.outputs).toHaveLength(1);
    expect(failed.outputs[0]!.code).toBe(1);
    expect(failed.outputs[0]!.stderr).toBe(
      'arXiv is having trouble (HTTP 503) and did not recover after 1 try; try again in a few minutes, or run with --sample to try Paper Feed offline.\n',
    );
    expect(await git(work, '--git-dir', remote, 'rev-parse', 'main')).toBe(after);
  }, 300_000);
});
