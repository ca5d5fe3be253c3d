// The digest never waits for the model (CLI, in-process against the local stand-ins): notes are
// written first and filled in as answers arrive, within a time budget; every paper left
// untranslated has a reason, in plain output and --json; papers turned down the same way are
// asked again only after a pause; redirects are named, not retried.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import type { CliContext } from '../../core/node/cli/context';
import { runCli } from '../../core/node/cli/run';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { fakeTranslation, faults, startLlmServer, type LlmServer, type RecordedRequest } from '../support/llm-server';
import { DEFAULT_FEED_PATH, feedDated, useCliWorkspace } from './support';

const DAILY = join('arXiv', 'Daily', '2026-05-28.md');
const PENDING = '*Translation pending — the next run fills it in.*';
const DAY = 86_400_000;

const cli = useCliWorkspace('pf-later-', { build: false });
let llm: LlmServer;
beforeEach(async () => {
  cli.arxiv.reply(DEFAULT_FEED_PATH, { body: feedDated('Thu, 28 May 2026 00:00:00 -0400') });
  llm = await startLlmServer();
});
afterEach(async () => {
  await llm.close();
});

async function writeConfig(enrich: Record<string, unknown>): Promise<void> {
  const settings = {
    enabled: true,
    baseUrl: llm.baseUrl,
    model: 'qwen2.5:7b',
    targetLanguage: 'zh-CN',
    produce: { title: true, abstract: true, tldr: false },
    ...enrich,
  };
  await writeFile(join(cli.work, 'paper-feed.config.json'), JSON.stringify({ enrich: settings }));
}

interface Run {
  clock?: FakeClock;
  json?: boolean;
  /** Leave out the test transport, so the CLI's own key-safe one talks to the endpoint. */
  ownTransport?: boolean;
}

async function daily({ clock = createFakeClock(), json = false, ownTransport = false }: Run = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    argv: ['daily', '--rss-base', cli.arxiv.url('/rss'), ...(json ? ['--json'] : [])],
    cwd: cli.work,
    env: {},
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    version: '0.0.0-test',
    ...(ownTransport ? {} : { transport: fetchTransport() }),
    clock,
  };
  const code = await runCli(context);
  return { code, stdout, stderr };
}

async function paperNotes(): Promise<string[]> {
  const folder = join(cli.vault, 'arXiv', 'Papers');
  return Promise.all((await readdir(folder)).map((name) => readFile(join(folder, name), 'utf8')));
}

/** Every note's text and modification time, by path. */
async function snapshot(): Promise<Record<string, string>> {
  const files = (await readdir(cli.vault, { recursive: true, withFileTypes: true })).filter((f) => f.isFile() && f.name.endsWith('.md'));
  const seen: Record<string, string> = {};
  for (const file of files) {
    const path = join(file.parentPath, file.name);
    seen[path] = `${(await stat(path)).mtimeMs} ${await readFile(path, 'utf8')}`;
  }
  return seen;
}

const titleOf = (r: RecordedRequest) => r.paper?.title ?? '';

describe('the digest first, translations after', () => {
  it('writes every note before the first question to a slow model, and fills the notes in as answers arrive', async () => {
    await writeConfig({ concurrency: 1 });
    const seen: Array<{ n: number; dailyWritten: boolean; notes: number; translated: number }> = [];
    llm.respond(async (r) => {
      const notes = existsSync(join(cli.vault, 'arXiv', 'Papers')) ? await paperNotes() : [];
      seen.push({
        n: r.n,
        dailyWritten: existsSync(join(cli.vault, DAILY)),
        notes: notes.length,
        translated: notes.filter((t) => !t.includes(PENDING)).length,
      });
      return faults.slow(40, fakeTranslation(r));
    });
    const started = Date.now();
    const result = await daily();
    const took = Date.now() - started;
    expect(result.code).toBe(0);
    // Before the first answer the digest and every paper note were there, all still pending.
    expect(seen[0]).toEqual({ n: 1, dailyWritten: true, notes: 19, translated: 0 });
    // Answers went into the notes while the model was still being asked, not all at the end.
    expect(seen.at(-1)!.translated).toBeGreaterThanOrEqual(9);
    expect(result.stdout.indexOf('19 notes created')).toBeLessThan(result.stdout.indexOf('translated: 19 papers'));
    expect((await paperNotes()).filter((t) => t.includes(PENDING))).toEqual([]);
    expect(await readFile(join(cli.vault, DAILY), 'utf8')).not.toContain('pending');
    expect(took).toBeGreaterThan(0); // measured for the record; speed goals live in the bench
  });

  it('stops at the time budget when the model never answers, with the notes written and a reason for every paper', async () => {
    await writeConfig({ timeBudgetMs: 1000, timeoutMs: 600_000 });
    llm.respond(() => new Promise(() => undefined));
    const result = await daily({ json: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Stopped translating at the time budget of 1 s for this run; 19 more papers wait for the next run.\n');
    const json = JSON.parse(result.stdout) as { created: string[]; enrich: { complete: number; untranslated: Array<{ code: string; reason: string }> } };
    expect(json.created).toHaveLength(19);
    expect(json.enrich.complete).toBe(0);
    expect(json.enrich.untranslated).toHaveLength(19);
    expect(new Set(json.enrich.untranslated.map((u) => `${u.code}: ${u.reason}`))).toEqual(new Set(['time-budget: The time budget for this run ran out.']));
    expect((await paperNotes()).filter((t) => t.includes(PENDING))).toHaveLength(19);
  });
});

describe('why a paper was not translated', () => {
  it('says in one line that the model answered in English, backs off from those papers, and a later run fills them in', async () => {
    await writeConfig({ concurrency: 1 });
    // Every third paper asked gets English back: never four failures in a row.
    const order: string[] = [];
    const english = new Set<string>();
    llm.respond((r) => {
      if (!order.includes(titleOf(r))) order.push(titleOf(r));
      if (order.indexOf(titleOf(r)) % 3 !== 0) return fakeTranslation(r);
      english.add(titleOf(r));
      return faults.wrongLanguage();
    });
    const clock = createFakeClock();
    const first = await daily({ clock });
    const n = english.size;
    expect(n).toBe(7);
    expect(first.stdout).toContain(
      `\n  translated: 12 papers · 0 from the cache · 7 failed\n    The model answered in English, not zh-CN, for 7 papers; try a larger model or a different targetLanguage.\n`,
    );
    expect(llm.requests).toHaveLength(19 + 7); // each turned-down paper asked once more
    // Their notes say why, and when Paper Feed asks again, not that the next run fills them in.
    const turnedDown = '*Not translated: the model answered in English, not zh-CN; Paper Feed asks again from 2026-05-29.*';
    const notes = await paperNotes();
    expect(notes.filter((t) => t.includes(turnedDown))).toHaveLength(7);
    expect(notes.filter((t) => t.includes(PENDING))).toEqual([]);
    expect((await readFile(join(cli.vault, DAILY), 'utf8')).split(turnedDown)).toHaveLength(7 + 1);
    const written = await snapshot();

    // Straight after, the same papers are not asked again: the model would answer the same,
    // and the notes, saying the same, are not written.
    const second = await daily({ clock });
    expect(llm.requests).toHaveLength(26);
    expect(second.stdout).toContain('    7 papers turned down the same way in earlier runs are asked again after a pause.\n');
    expect(await snapshot()).toEqual(written);

    // A day later they are asked once each; this time the model does it.
    clock.advance(DAY);
    llm.respond(fakeTranslation);
    const third = await daily({ clock });
    expect(new Set(llm.requests.slice(26).map(titleOf))).toEqual(english);
    expect(llm.requests).toHaveLength(26 + 7);
    expect(third.stdout).toContain('  translated: 19 papers · 12 from the cache · 0 failed\n');
    expect((await paperNotes()).filter((t) => t.includes('pending') || t.includes('Not translated'))).toEqual([]);
  });

  it('counts turned-down answers toward the stop, and gives per-paper reasons in --json', async () => {
    await writeConfig({ concurrency: 1 });
    llm.respond((r) => (r.n <= 2 ? { content: JSON.stringify({ title: '稀'.repeat(2000), abstract: '稀'.repeat(20_000) }) } : faults.wrongLanguage()));
    const result = await daily({ json: true });
    const json = JSON.parse(result.stdout) as {
      enrich: { failed: number; stopped: string[]; reasons: string[]; untranslated: Array<{ id: string; code: string; reason: string }> };
    };
    expect(json.enrich.failed).toBe(4);
    expect(json.enrich.stopped).toEqual([
      'Enrichment stopped for this run after 4 papers in a row failed (the model answered in English, not zh-CN); the next run tries again.',
    ]);
    expect(json.enrich.reasons).toEqual([
      'The model answered in English, not zh-CN, for 3 papers; try a larger model or a different targetLanguage.',
      'The answer was far longer than the original, for 1 paper; try a larger model.',
    ]);
    expect(json.enrich.untranslated).toHaveLength(19);
    const [tooLong, ...rest] = json.enrich.untranslated;
    expect(tooLong!.code).toBe('too-long');
    expect(tooLong!.reason).toBe(
      'The answer was far longer than the original (title: the answer was much longer than the title; abstract: the answer was much longer than the abstract).',
    );
    expect(rest.slice(0, 3).map((u) => u.code)).toEqual(['english', 'english', 'english']);
    expect(rest.slice(3).every((u) => u.code === 'stopped')).toBe(true);
    // 4 papers asked twice each, and no more.
    expect(llm.requests).toHaveLength(8);
  });

  it('names a redirect and where it points (no query, no key), and does not retry', async () => {
    await writeConfig({ concurrency: 2 });
    llm.respond(() => ({ status: 301, headers: { location: 'https://llm.example.org/v1/chat/completions?token=sk-should-not-show' }, body: '' }));
    const result = await daily({ ownTransport: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `${llm.host} redirected the request (HTTP 301) to https://llm.example.org/v1/chat/completions. Set the base URL to https://llm.example.org/v1 in the enrichment settings.\n`,
    );
    expect(llm.requests.length).toBeLessThanOrEqual(2);
    expect(result.stdout).toContain('19 notes created');
  });
});
