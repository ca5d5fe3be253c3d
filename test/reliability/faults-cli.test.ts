// Every network and feed fault through the built `paper-feed` CLI, against the fault-injecting arXiv
// stand-in: the person reads one line saying what happened and what to do, the stand-in counts
// retries only where they belong (429, 5xx, network) at arXiv's 3-second pacing, and a failed run
// leaves the vault byte for byte as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noAnnouncementMessage } from '../../core/arxiv/calendar';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { FAULT_ATTEMPTS, FAULT_CASES, HANG_CASE, TIME, type FaultCase } from '../support/fault-cases';
import { API_ERROR_ENTRY, EMPTY_FEED, GOOD_FEED_MATCHES, feedWithBadItems, hugeFeed, rssFeed, sampleItems } from '../support/fault-feeds';
import { copyVault, differences, ensureBuiltCli, notes, runCli, snapshot } from './cli-host';

const FEED_PATH = '/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML';
/** arXiv asks for 3 s between requests; arrival times at the stand-in may differ by a few ms. */
const PACING_FLOOR_MS = 2900;
const GROUPS_LINE = '  by group: Language models 10 · Reinforcement learning 6 · Diffusion 6';

let server: ArxivStandIn;
let work: string;
/** A vault holding the previous day's notes and a person's edits; every test starts from a copy. */
let baseVault: string;
let copies = 0;

beforeAll(async () => {
  ensureBuiltCli();
  server = await startArxivServer({ maxRequests: 200, maxRequestMs: 15_000, lifetimeMs: 600_000 });
  work = await mkdtemp(join(tmpdir(), 'pf-faults-cli-'));
  baseVault = join(work, 'base');
  server.reply(`/base${FEED_PATH}`, { body: rssFeed(sampleItems('Wed, 27 May 2026 00:00:00 -0400'), 'Wed, 27 May 2026 00:00:00 -0400') });
  const first = await runCli(['daily', '--vault', baseVault, '--rss-base', server.url('/base/rss')], work);
  expect(first.stdout.split('\n')[0]).toBe('19 papers matched · 19 notes created · 0 updated · daily note arXiv/Daily/2026-05-27.md');
  const edited = join(baseVault, 'arXiv/Papers/Score-Based Generative Modeling on Compact Lie Groups.md');
  const text = (await notes(baseVault)).get('arXiv/Papers/Score-Based Generative Modeling on Compact Lie Groups.md')!;
  await writeFile(edited, `${text.replace('---\n', '---\nrating: 5\n')}My own notes: check the heat kernel bound.\n`);
}, 120_000);
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

async function freshVault(): Promise<string> {
  const vault = join(work, `vault-${(copies += 1)}`);
  await copyVault(baseVault, vault);
  return vault;
}

/** Runs `daily` against the stand-in's /f/<slug>/ with the replies scripted there. */
async function dailyAgainst(slug: string, ...extra: string[]) {
  const vault = await freshVault();
  const before = await snapshot(vault);
  const started = Date.now();
  const result = await runCli(['daily', '--vault', vault, '--rss-base', server.url(`/f/${slug}/rss`), ...extra], work, {
    PAPER_FEED_MAX_ATTEMPTS: String(FAULT_ATTEMPTS),
  });
  const requests = server.requests.filter((r) => r.path === `/f/${slug}${FEED_PATH}`);
  return { result, vault, before, after: await snapshot(vault), requests, started, ended: Date.now() };
}

/** The clock times ("20:41") a message may name for `offsetMs` after some moment in [from, to]. */
function clockTimes(from: number, to: number, offsetMs: number): string[] {
  const format = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const times = new Set<string>([format.format(to + offsetMs)]);
  for (let t = from; t < to; t += 1000) times.add(format.format(t + offsetMs));
  return [...times];
}

describe('paper-feed daily against a failing arXiv', () => {
  it.concurrent.each(FAULT_CASES.map((c) => [c.label, c] as const))(
    '%s: one line, the right retries, the vault untouched',
    async (_label, fault: FaultCase) => {
      server.reply(`/f/${fault.slug}${FEED_PATH}`, ...fault.replies);
      const { result, before, after, requests, started, ended } = await dailyAgainst(fault.slug);

      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const match = new RegExp(`^${fault.cli}\\n$`).exec(result.stderr);
      expect(match, result.stderr).not.toBeNull();
      // The clock time is when arXiv's Retry-After ends, or a minute on when it gave none.
      if (fault.cli.includes(TIME)) {
        const wait = fault.slug === 'http-429-hour' ? 3600_000 : fault.slug === 'http-429' ? 1000 : 60_000;
        expect(clockTimes(started, ended, wait)).toContain(match![1]);
      }

      expect(requests).toHaveLength(fault.requests);
      expect(server.refused).toBe(0);
      for (let i = 1; i < requests.length; i += 1) expect(requests[i]!.at - requests[i - 1]!.at).toBeGreaterThanOrEqual(PACING_FLOOR_MS);
      expect(differences(before, after)).toEqual([]);
    },
    60_000,
  );

  it(`${HANG_CASE.label}: times out per attempt, retries once, and leaves the vault untouched`, async () => {
    // A server of its own that cuts hung requests after 5 s, so this stays short whatever happens.
    const hung = await startArxivServer({ maxRequests: 10, maxRequestMs: 5_000, lifetimeMs: 300_000 });
    try {
      hung.reply(FEED_PATH, ...HANG_CASE.replies);
      const vault = await freshVault();
      const before = await snapshot(vault);
      // PAPER_FEED_TIMEOUT_MS shortens the 30 s timeout per attempt, as PAPER_FEED_MAX_ATTEMPTS bounds the tries.
      const result = await runCli(['daily', '--vault', vault, '--rss-base', hung.url('/rss')], work, {
        PAPER_FEED_MAX_ATTEMPTS: String(FAULT_ATTEMPTS),
        PAPER_FEED_TIMEOUT_MS: '500',
      });
      expect({ ...result, stderr: '' }).toEqual({ code: 1, signal: null, stdout: '', stderr: '' });
      expect(result.stderr).toMatch(new RegExp(`^${HANG_CASE.message('0.5').replace(/\\\.$/, '')}, or run with --sample to try Paper Feed offline\\.\\n$`));
      expect(hung.count(FEED_PATH)).toBe(HANG_CASE.requests);
      expect(differences(before, await snapshot(vault))).toEqual([]);
    } finally {
      await hung.close();
    }
  }, 60_000);

  it('does not ask arXiv at all when the command line is wrong, and says what to fix', async () => {
    const { result, before, after, requests } = await dailyAgainst('bad-config', '--category', 'cs.LG/../../etc');
    expect(result).toEqual({
      code: 2,
      signal: null,
      stdout: '',
      stderr:
        'categories[0]: "cs.LG/../../etc" is not an arXiv category; write an archive ("cs", "math-ph") or archive.CLASS ("cs.LG", "q-bio.NC"). Fix it in the --category option.\n',
    });
    expect(requests).toHaveLength(0);
    expect(server.requests.filter((r) => r.path.startsWith('/f/bad-config/'))).toEqual([]);
    expect(differences(before, after)).toEqual([]);
  });

  it('says there is nothing to write for an empty feed, and writes nothing', async () => {
    server.reply(`/f/empty${FEED_PATH}`, { body: EMPTY_FEED });
    const { result, before, after, requests } = await dailyAgainst('empty');
    const expected =
      noAnnouncementMessage(new Date()) ??
      "arXiv's feed for cs.LG, cs.CL, cs.AI, cs.CV, stat.ML holds no papers for 2026-05-28 (no announcement); nothing was written.";
    expect(result).toEqual({ code: 0, signal: null, stdout: `${expected}\n`, stderr: '' });
    expect(requests).toHaveLength(1);
    expect(differences(before, after)).toEqual([]);
  });

  it('reads a 20 MB feed and writes what matched', async () => {
    const { xml, items } = hugeFeed();
    expect(xml.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    server.reply(`/f/huge${FEED_PATH}`, { body: xml });
    const { result, requests, vault } = await dailyAgainst('huge');
    expect(result).toEqual({
      code: 0,
      signal: null,
      stdout: `${GOOD_FEED_MATCHES} papers matched · 0 notes created · ${GOOD_FEED_MATCHES} updated · daily note arXiv/Daily/2026-05-28.md\n${GROUPS_LINE}\n`,
      stderr: '',
    });
    expect(items).toBeGreaterThan(7000);
    expect(requests).toHaveLength(1);
    expect([...(await notes(vault)).keys()].filter((p) => p.startsWith('arXiv/Daily/')).sort()).toEqual([
      'arXiv/Daily/2026-05-27.md',
      'arXiv/Daily/2026-05-28.md',
    ]);
  }, 60_000);

  it('writes the good items of a feed with a few bad ones and names the bad ones', async () => {
    server.reply(`/f/bad-items${FEED_PATH}`, { body: feedWithBadItems() });
    const { result, requests, vault } = await dailyAgainst('bad-items');
    expect(result).toEqual({
      code: 0,
      signal: null,
      stdout: [
        `${GOOD_FEED_MATCHES} papers matched · 0 notes created · ${GOOD_FEED_MATCHES} updated · daily note arXiv/Daily/2026-05-28.md`,
        GROUPS_LINE,
        '  skipped 3 items: item 4 (no arXiv identifier in guid, description or link); 2605.99002 (unreadable date "the twenty-eighth of May"); 2605.99003 (empty title)',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(requests).toHaveLength(1);
    const all = [...(await notes(vault)).values()].join('\n');
    expect(all).not.toMatch(/2605\.9900[123]|Without an Identity|With a Broken Date|without a title/);
  });
});

describe('paper-feed range against a failing arXiv API', () => {
  it("shows arXiv's own reason for an API error entry once, without retrying, and writes nothing", async () => {
    server.reply('/f/api-range/api/query', { status: 400, body: API_ERROR_ENTRY });
    const vault = await freshVault();
    const before = await snapshot(vault);
    const result = await runCli(
      ['range', '--from', '2026-05-28', '--to', '2026-05-28', '--vault', vault, '--api-base', server.url('/f/api-range/api/query'), '--quiet'],
      work,
      {
        PAPER_FEED_MAX_ATTEMPTS: String(FAULT_ATTEMPTS),
      },
    );
    expect(result).toEqual({
      code: 1,
      signal: null,
      stdout: '',
      stderr: 'arXiv rejected the search (search_query is not valid); check the search terms and identifiers you gave.\n',
    });
    expect(server.count('/f/api-range/api/query')).toBe(1);
    // The range run locks the vault before asking arXiv; the lock is given back, no note changes.
    expect(differences(before, await snapshot(vault))).toEqual([]);
  });
});
