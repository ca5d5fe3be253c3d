// The CLI run in-process (runCli), where time and the clock can be set: retries after a 503, the
// calendar's message on a night without an announcement, and `range` over the API.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { submissionWindow } from '../../core/arxiv/calendar';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { DEFAULT_FEED_PATH, emptyFeed, feedDated, noteTimes, readNote } from './support';
import { runCliIn, type CliRun } from './in-process';

let server: ArxivStandIn;
let work: string;
let clock: FakeClock;

beforeAll(async () => {
  server = await startArxivServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'pf-run-'));
  clock = createFakeClock();
  server.requests.length = 0;
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function run(argv: string[], options: { now?: string; signal?: AbortSignal; env?: Record<string, string> } = {}): Promise<CliRun> {
  return runCliIn(work, argv, { clock, ...options });
}

describe('daily, in-process', () => {
  it('retries after a 503 and writes the announcement once arXiv answers', async () => {
    server.reply(
      DEFAULT_FEED_PATH,
      { status: 503, body: 'Service Unavailable', headers: { 'retry-after': '5' } },
      {
        body: feedDated('Thu, 28 May 2026 00:00:00 -0400'),
      },
    );
    const result = await run(['daily', '--rss-base', server.url('/rss'), '--vault', 'v']);
    expect(result).toEqual({
      code: 0,
      stdout:
        '19 papers matched · 19 notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md\n' +
        '  by group: Language models 10 · Reinforcement learning 6 · Diffusion 6\n',
      stderr: '',
    });
    expect(server.count(DEFAULT_FEED_PATH)).toBe(2);
    // arXiv asked for 5 s; the client waited that long (on the test clock) before trying again.
    expect(clock.sleeps).toContain(5000);
  });

  it("prints the calendar's message and writes nothing on a Friday night with an empty feed", async () => {
    server.reply(DEFAULT_FEED_PATH, { body: emptyFeed('Sat, 30 May 2026 00:00:00 -0400') });
    const result = await run(['daily', '--rss-base', server.url('/rss'), '--vault', 'v'], { now: '2026-05-29T22:30:00-04:00' });
    expect(result).toEqual({ code: 0, stdout: 'No arXiv announcement tonight (Friday); the next is Sunday 20:00 ET.\n', stderr: '' });
    expect(existsSync(join(work, 'v'))).toBe(false);
  });

  it('says the feed is empty when the calendar expected an announcement', async () => {
    server.reply(DEFAULT_FEED_PATH, { body: emptyFeed('Thu, 28 May 2026 00:00:00 -0400') });
    const result = await run(['daily', '--rss-base', server.url('/rss'), '--vault', 'v', '--json'], { now: '2026-05-27T21:00:00-04:00' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      status: 'no-announcement',
      date: '2026-05-28',
      message: "arXiv's feed for cs.LG, cs.CL, cs.AI, cs.CV, stat.ML holds no papers for 2026-05-28 (no announcement); nothing was written.",
    });
    expect(existsSync(join(work, 'v'))).toBe(false);
  });

  it('stops with exit 130 when cancelled', async () => {
    server.reply(DEFAULT_FEED_PATH, { body: feedDated('Thu, 28 May 2026 00:00:00 -0400') });
    const controller = new AbortController();
    controller.abort();
    const result = await run(['daily', '--rss-base', server.url('/rss'), '--vault', 'v'], { signal: controller.signal });
    expect(result).toEqual({ code: 130, stdout: '', stderr: 'The request to arXiv was cancelled.\n' });
  });
});

describe('error output', () => {
  it('adds the stack trace only with PAPER_FEED_DEBUG=1', async () => {
    const argv = ['daily', '--category', 'cs LG', '--sample'];
    const message =
      'categories[0]: "cs LG" is not an arXiv category; write an archive ("cs", "math-ph") or archive.CLASS ("cs.LG", "q-bio.NC"). Fix it in the --category option.';
    expect(await run(argv)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
    const debug = await run(argv, { env: { PAPER_FEED_DEBUG: '1' } });
    const lines = debug.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(message);
    expect(lines[1]).toBe(`PaperFeedError: ${message}`);
    expect(lines[2]).toMatch(/^\s+at /);
  });
});

/** An API page holding one paper per `titles` entry, ids numbered from `first`. */
function apiPage(first: number, titles: string[]): string {
  const entries = titles.map((title, i) => {
    const id = `2605.${String(first + i).padStart(5, '0')}`;
    return `  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <title>${title}</title>
    <updated>2026-05-26T15:00:00Z</updated>
    <link href="https://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/>
    <link href="https://arxiv.org/pdf/${id}v1" rel="related" type="application/pdf" title="pdf"/>
    <summary>We study ${title.toLowerCase()} in depth.</summary>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <published>2026-05-26T15:00:00Z</published>
    <arxiv:primary_category term="cs.CL"/>
    <author><name>Ada Lovelace</name></author>
  </entry>`;
  });
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <id>https://arxiv.org/api/test</id>
  <title>arXiv Query</title>
  <updated>2026-05-30T00:00:00Z</updated>
  <opensearch:itemsPerPage>500</opensearch:itemsPerPage>
  <opensearch:totalResults>${titles.length}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
${entries.join('\n')}
</feed>`;
}

describe('range, in-process', () => {
  it('writes one daily note per listing date, asking the API for each submission window', async () => {
    let day = 0;
    server.handle('/api/query', () => {
      day += 1;
      return { body: apiPage(day * 100, ['A large language model for tables', 'Sparse voxel splatting']) };
    });
    // Wednesday 27 May to Monday 1 June 2026: the listings of Wed, Thu, Fri and Mon.
    const result = await run(['range', '--from', '2026-05-27', '--to', '2026-06-01', '--api-base', server.url('/api/query'), '--vault', 'v'], {
      now: '2026-06-01T12:00:00-04:00',
    });
    expect(result).toEqual({
      code: 0,
      stdout: '4 daily notes · 4 papers matched · 4 notes created · 0 updated\n',
      stderr:
        '2026-05-27: 1 paper matched · 1 note created · 0 updated · daily note arXiv/Daily/2026-05-27.md\n' +
        '2026-05-28: 1 paper matched · 1 note created · 0 updated · daily note arXiv/Daily/2026-05-28.md\n' +
        '2026-05-29: 1 paper matched · 1 note created · 0 updated · daily note arXiv/Daily/2026-05-29.md\n' +
        '2026-06-01: 1 paper matched · 1 note created · 0 updated · daily note arXiv/Daily/2026-06-01.md\n',
    });
    const queries = server.requests.map((r) => r.query.get('search_query'));
    expect(queries).toEqual(
      ['2026-05-27', '2026-05-28', '2026-05-29', '2026-06-01'].map((date) => {
        const window = submissionWindow(date);
        return `(cat:cs.LG OR cat:cs.CL OR cat:cs.AI OR cat:cs.CV OR cat:stat.ML) AND submittedDate:[${window.from} TO ${window.to}]`;
      }),
    );
    expect(
      Object.keys(await noteTimes(join(work, 'v')))
        .filter((p) => p.startsWith('arXiv/Daily/'))
        .sort(),
    ).toEqual(['arXiv/Daily/2026-05-27.md', 'arXiv/Daily/2026-05-28.md', 'arXiv/Daily/2026-05-29.md', 'arXiv/Daily/2026-06-01.md']);
    expect(await readNote(join(work, 'v'), 'arXiv/Daily/2026-06-01.md')).toContain("announced: '2026-05-31T20:00:00-04:00'");
    // Requests were spaced as arXiv asks (3 s between starts, on the test clock).
    expect(clock.sleeps.filter((ms) => ms >= 3000)).toHaveLength(3);
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    const result = await run(['range', '--from', '2026-5-27', '--to', '2026-05-29']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: '"2026-5-27" is not a date; write dates as YYYY-MM-DD, e.g. 2026-05-29.\n' });
  });
});
