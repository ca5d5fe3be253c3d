// End to end: the built `paper-feed` CLI, run as a child process against a local arXiv stand-in
// on 127.0.0.1, writing into a temporary vault.
import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { closedPort } from '../support/arxiv-server';
import { acquireVaultLock } from '../../core/node/lock';
import packageJson from '../../package.json';
import { DEFAULT_FEED_PATH, asReplacement, feedDated, feedWith, noteTimes, readNote, runBuiltCli, sampleItem, useCliWorkspace } from './support';

const THURSDAY_FEED = feedDated('Thu, 28 May 2026 00:00:00 -0400');
const FIRST_LINE = '19 papers matched · 19 notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md';
const GROUPS_LINE = '  by group: Language models 10 · Reinforcement learning 6 · Diffusion 6';

const cli = useCliWorkspace('pf-cli-');
beforeEach(() => {
  cli.arxiv.reply(DEFAULT_FEED_PATH, { body: THURSDAY_FEED });
  cli.arxiv.requests.length = 0;
});

const daily = (...extra: string[]) => runBuiltCli(['daily', '--rss-base', cli.arxiv.url('/rss'), ...extra], cli.work);

describe('paper-feed daily', () => {
  it('writes the announcement from the feed and prints what it did', async () => {
    const result = await daily();
    expect(result).toEqual({ code: 0, stdout: `${FIRST_LINE}\n${GROUPS_LINE}\n`, stderr: '' });
    const notes = Object.keys(await noteTimes(cli.vault)).sort();
    expect(notes.filter((p) => p.startsWith('arXiv/Papers/'))).toHaveLength(19);
    expect(notes.filter((p) => !p.startsWith('arXiv/Papers/'))).toEqual(['arXiv/Daily/2026-05-28.md']);
    expect(cli.arxiv.requests.map((r) => r.path)).toEqual([DEFAULT_FEED_PATH]);
    expect(cli.arxiv.requests[0]!.headers['user-agent']).toMatch(/^PaperFeed\//);
    expect(await readNote(cli.vault, 'arXiv/Daily/2026-05-28.md')).toMatch(/^---\ndate: 2026-05-28\n/);
  });

  it('writes nothing on a second run over the same announcement', async () => {
    await daily();
    const before = await noteTimes(cli.vault);
    const second = await daily();
    expect(second).toEqual({
      code: 0,
      stdout: `19 papers matched · 0 notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md\n${GROUPS_LINE}\n`,
      stderr: '',
    });
    expect(await noteTimes(cli.vault)).toEqual(before);
  });

  it("keeps the person's edits to a moved note when a new version arrives", async () => {
    await daily();
    const original = 'arXiv/Papers/Score-Based Generative Modeling on Compact Lie Groups.md';
    const text = await readNote(cli.vault, original);
    const edited = text.replace('---\n', '---\nrating: 5\n') + '\nMy reading notes: check the heat kernel bound.\n';
    await mkdir(join(cli.vault, 'Reading'), { recursive: true });
    await writeFile(join(cli.vault, 'Reading/Lie groups.md'), edited);
    await rm(join(cli.vault, original));

    const replacement = feedWith('Fri, 29 May 2026 00:00:00 -0400', [asReplacement(sampleItem('2605.21412'), 2, 'Revised: '), sampleItem('2605.21579')]);
    cli.arxiv.reply(DEFAULT_FEED_PATH, { body: replacement });
    const result = await daily();
    expect(result).toEqual({
      code: 0,
      stdout:
        '0 papers matched · 0 notes created · 1 updated · daily note arXiv/Daily/2026-05-29.md\n' +
        '  by group: Language models 0 · Reinforcement learning 0 · Diffusion 0\n' +
        '  new versions of papers you have: 2605.21412\n',
      stderr: '',
    });
    expect(existsSync(join(cli.vault, original))).toBe(false);

    const after = await readNote(cli.vault, 'Reading/Lie groups.md');
    expect(after).toMatch(/^---\nrating: 5\n/);
    expect(after).toContain('\nversion: 2\n');
    expect(after).toContain('Revised: Many scientific data');
    expect(after.endsWith('\nMy reading notes: check the heat kernel bound.\n')).toBe(true);
    expect(after).toContain("  - '[[arXiv/Daily/2026-05-29|2026-05-29]]'");
  });

  it('prints the same facts as JSON with --json', async () => {
    const result = await daily('--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      status: 'written',
      vault: cli.vault,
      source: 'arxiv',
      config: 'built-in defaults',
      date: '2026-05-28',
      announcedAt: '2026-05-27T20:00:00-04:00',
      matched: 19,
      perGroup: [
        { name: 'Language models', count: 10 },
        { name: 'Reinforcement learning', count: 6 },
        { name: 'Diffusion', count: 6 },
      ],
      updated: [],
      unchanged: 0,
      dailyNote: 'arXiv/Daily/2026-05-28.md',
      dailyNoteChange: 'created',
      updatedPapers: [],
      skipped: [],
    });
    expect(json.created).toHaveLength(19);
    expect(json.created).toContain('arXiv/Papers/Speculative Decoding with Adaptive Draft Lengths.md');
  });

  it('follows --keyword and --category instead of the config', async () => {
    cli.arxiv.reply('/rss/stat.ML+cs.LG', { body: THURSDAY_FEED });
    const result = await daily('--keyword', 'conformal prediction', '--category', 'stat.ML', '--category', 'cs.LG');
    expect(result).toEqual({
      code: 0,
      stdout: '1 paper matched · 1 note created · 0 updated · daily note arXiv/Daily/2026-05-28.md\n  by group: conformal prediction 1\n',
      stderr: '',
    });
    expect(cli.arxiv.requests.map((r) => r.path)).toEqual(['/rss/stat.ML+cs.LG']);
  });

  it('makes one group per --keyword, named by its phrase, with a paper that matches both under both', async () => {
    const result = await daily('--keyword', 'reinforcement learning', '--keyword', 'world simulators', '--keyword', 'World Simulators');
    expect(result).toEqual({
      code: 0,
      stdout:
        '4 papers matched · 4 notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md\n  by group: reinforcement learning 4 · world simulators 1\n',
      stderr: '',
    });
    const digest = await readNote(cli.vault, 'arXiv/Daily/2026-05-28.md');
    expect(digest).toContain(
      "\nkeywords:\n  - reinforcement learning\n  - world simulators\nmatches:\n  - 'reinforcement learning: 4'\n  - 'world simulators: 1'\n",
    );
    expect(digest).toContain('**4 papers matched** — reinforcement learning 4 · world simulators 1');
    const sections = digest.split('\n').filter((line) => /^(## |### |- \[\[)/.test(line) && line !== '## Top picks');
    const link = (title: string) => `[[arXiv/Papers/${title}|${title}]]`;
    const VIDEO = 'Video Diffusion Models as World Simulators for Embodied Agents';
    expect(sections).toEqual([
      '## reinforcement learning (4)',
      `### ${link('Off-Policy Evaluation with Learned Behaviour Models in Offline Reinforcement Learning')}`,
      `### ${link(VIDEO)}`,
      `### ${link('Process Reward Models for Mathematical Reasoning with Step-Level Verification')}`,
      `### ${link('Sim-to-Real Reinforcement Learning for Legged Locomotion on Deformable Terrain')}`,
      '## world simulators (1)',
      `- ${link(VIDEO)} — shown under reinforcement learning`,
    ]);
    expect(await readNote(cli.vault, `arXiv/Papers/${VIDEO}.md`)).toContain('\nkeywords:\n  - reinforcement learning\n  - world simulators\n');
  });

  it('works offline with --sample', async () => {
    const result = await runBuiltCli(['daily', '--sample', '--rss-base', `http://127.0.0.1:${await closedPort()}/rss`], cli.work);
    expect(result).toEqual({
      code: 0,
      stdout: `19 papers matched · 19 notes created · 0 updated · daily note arXiv/Daily/2026-05-29.md\n${GROUPS_LINE}\n`,
      stderr: '',
    });
    expect(Object.keys(await noteTimes(cli.vault))).toHaveLength(20);
  });
});

describe('paper-feed failures', () => {
  it('says in one line that arXiv is unreachable, suggests --sample, exits 1 and writes nothing', async () => {
    const base = `http://127.0.0.1:${await closedPort()}/rss`;
    const result = await runBuiltCli(['daily', '--rss-base', base], cli.work, { PAPER_FEED_MAX_ATTEMPTS: '1' });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'arXiv could not be reached (ECONNREFUSED). Check your internet connection and try again, or run with --sample to try Paper Feed offline.\n',
    });
    expect(existsSync(cli.vault)).toBe(false);
  });

  it('names the wrong key of a bad config, exits 2 and writes nothing', async () => {
    await writeFile(join(cli.work, 'my.json'), JSON.stringify({ categories: ['cs.LG'], groups: [{ name: 'X', include: 'diffusion' }] }));
    const result = await daily('--config', 'my.json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^groups\[0\]\.include: .*my\.json\.\n$/);
    expect(existsSync(cli.vault)).toBe(false);
    expect(cli.arxiv.requests).toHaveLength(0);
  });

  it('reads ./paper-feed.config.json when no --config is given, and reports broken JSON', async () => {
    await writeFile(join(cli.work, 'paper-feed.config.json'), '{"categories": ["cs.LG",]}');
    const result = await daily();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^The config file .*paper-feed\.config\.json is not valid JSON \(.+\); fix it and run again\.\n$/);
  });

  it('rejects an unknown option with one line and exit 2', async () => {
    const result = await runBuiltCli(['daily', '--vualt', 'x'], cli.work);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'Unknown option --vualt; run "paper-feed help" to see the options.\n' });
  });

  it('tells a second run that the vault is busy and exits 3', async () => {
    await mkdir(cli.vault, { recursive: true });
    const lock = await acquireVaultLock(join(cli.vault, '.paper-feed'));
    try {
      const result = await daily();
      expect(result).toEqual({
        code: 3,
        stdout: '',
        stderr: `Another Paper Feed run is writing to this vault (pid ${process.pid}); try again when it finishes.\n`,
      });
      expect(await readdir(cli.vault)).toEqual(['.paper-feed']);
    } finally {
      await lock.release();
    }
  });

  it('prints an error as JSON too with --json', async () => {
    const result = await runBuiltCli(['daily', '--json', '--rss-base', `http://127.0.0.1:${await closedPort()}/rss`], cli.work, {
      PAPER_FEED_MAX_ATTEMPTS: '1',
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      status: 'error',
      kind: 'network',
      message: 'arXiv could not be reached (ECONNREFUSED). Check your internet connection and try again, or run with --sample to try Paper Feed offline.',
    });
  });
});

describe('paper-feed help and --version', () => {
  it('documents the commands and exit codes', async () => {
    const result = await runBuiltCli(['help'], cli.work);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('paper-feed range --from YYYY-MM-DD --to YYYY-MM-DD');
    expect(result.stdout).toContain('Exit codes:\n  0  done (also when arXiv announced nothing tonight)\n  1  arXiv could not be reached');
  });

  it('prints the version', async () => {
    expect(await runBuiltCli(['--version'], cli.work)).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });
});
