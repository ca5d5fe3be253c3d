// Translation and TL;DRs in the CLI, end to end: the built `paper-feed` against a local
// arXiv stand-in and a local OpenAI-compatible stand-in, writing into a temporary vault. Progress
// and Ctrl-C run in-process, where the terminal and the signal can be set.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import type { CliContext } from '../../core/node/cli/context';
import { runCli } from '../../core/node/cli/run';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { fakeText, fakeTranslation, faults, startLlmServer, type LlmServer } from '../support/llm-server';
import { DEFAULT_FEED_PATH, feedDated, noteTimes, readNote, runBuiltCli, useCliWorkspace } from './support';

const KEY = 'sk-test-7c1f0a9e4b2d8c6e5f3a';
const KEY_ENV = 'PF_TEST_LLM_KEY';
const LIE = 'arXiv/Papers/Score-Based Generative Modeling on Compact Lie Groups.md';
const LIE_TITLE = 'Score-Based Generative Modeling on Compact Lie Groups';
const DAILY = 'arXiv/Daily/2026-05-28.md';
const PENDING = '*Translation pending — the next run fills it in.*';

const cli = useCliWorkspace('pf-enrich-');
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
    produce: { title: true, abstract: true, tldr: true },
    ...enrich,
  };
  await writeFile(join(cli.work, 'paper-feed.config.json'), JSON.stringify({ enrich: settings }));
}

const daily = (env: Record<string, string> = {}) => runBuiltCli(['daily', '--rss-base', cli.arxiv.url('/rss')], cli.work, env);

/** Every file under `dir` with its text (the vault's state folder included). */
async function allFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

describe('paper-feed daily with enrichment', () => {
  it('writes translations and TL;DRs into the notes, and a second run asks nothing and writes nothing', async () => {
    await writeConfig({ apiKeyEnv: KEY_ENV });
    const first = await daily({ [KEY_ENV]: KEY, PAPER_FEED_DEBUG: '1' });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('\n  translated: 19 papers · 0 from the cache · 0 failed\n');
    expect(llm.requests).toHaveLength(19);
    expect(new Set(llm.requests.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${KEY}`]));

    const note = await readNote(cli.vault, LIE);
    const title = fakeText(LIE_TITLE, 'zh-CN');
    expect(note).toContain(`# ${LIE_TITLE}\n\n${title}\n\n**TL;DR:** `);
    expect(readFrontmatter(note)).toMatchObject({ title: LIE_TITLE, title_translated: title, tldr: expect.any(String) });
    expect(note).not.toContain('pending');
    expect(await readNote(cli.vault, DAILY)).toContain(`|${LIE_TITLE}]]\n${title}\n`);
    const cache = JSON.parse(await readFile(join(cli.vault, '.paper-feed', 'enrich-cache.json'), 'utf8')) as { entries: Record<string, string> };
    expect(Object.keys(cache.entries)).toHaveLength(19 * 3);

    const before = await noteTimes(cli.vault);
    const second = await daily({ [KEY_ENV]: KEY, PAPER_FEED_DEBUG: '1' });
    expect(second.stdout).toBe(
      '19 papers matched · 0 notes created · 0 updated · daily note arXiv/Daily/2026-05-28.md\n' +
        '  by group: Language models 10 · Reinforcement learning 6 · Diffusion 6\n' +
        '  translated: 19 papers · 19 from the cache · 0 failed\n',
    );
    expect(llm.requests).toHaveLength(19);
    expect(await noteTimes(cli.vault)).toEqual(before);

    for (const [path, text] of await allFiles(cli.vault)) expect(text.includes(KEY), path).toBe(false);
    for (const output of [first.stdout, first.stderr, second.stdout, second.stderr]) expect(output).not.toContain(KEY);
  });

  it('says once that the key was rejected, never shows it, and still writes every note', async () => {
    await writeConfig({ apiKeyEnv: KEY_ENV });
    llm.respond(() => faults.unauthorized(KEY));
    const result = await daily({ [KEY_ENV]: KEY, PAPER_FEED_DEBUG: '1' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`API key rejected by ${llm.host}. Check the key in the enrichment settings; translation continues on the next run.\n`);
    expect(result.stdout).toContain('19 notes created');
    expect(await readNote(cli.vault, LIE)).toContain(PENDING);
    for (const [path, text] of await allFiles(cli.vault)) expect(text.includes(KEY), path).toBe(false);
    expect(result.stdout).not.toContain(KEY);
  });

  it('asks without a key when the variable named is not set, says so, and --json carries the counts', async () => {
    await writeConfig({ apiKeyEnv: 'PF_UNSET_KEY' });
    const result = await runBuiltCli(['daily', '--rss-base', cli.arxiv.url('/rss'), '--json'], cli.work);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('The environment variable PF_UNSET_KEY is not set; asking the endpoint without an API key.\n');
    expect(llm.requests.map((r) => r.headers.authorization)).toEqual(Array(19).fill(undefined));
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'written',
      created: expect.any(Array),
      enrich: {
        complete: 19,
        fromCache: 0,
        requests: 19,
        failed: 0,
        stopped: ['The environment variable PF_UNSET_KEY is not set; asking the endpoint without an API key.'],
      },
    });
  });

  it('refuses a config that names no model, naming the key and the file', async () => {
    await writeConfig({ model: '' });
    const result = await daily();
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `Setting enrich.model is empty; name the model the endpoint serves, such as "qwen2.5:7b". Fix it in ${join(cli.work, 'paper-feed.config.json')}.\n`,
    );
    expect(llm.requests).toEqual([]);
  });

  it('refuses an API key written into the config file', async () => {
    await writeConfig({ apiKey: KEY });
    const result = await daily();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^Setting enrich\.apiKey must not be kept with the settings; put the key in an environment variable named by enrich\.apiKeyEnv/,
    );
    expect(result.stderr).not.toContain(KEY);
  });
});

async function run(
  signal?: AbortSignal,
  clock: FakeClock = createFakeClock(),
  extra: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    argv: ['daily', '--rss-base', cli.arxiv.url('/rss'), ...extra],
    cwd: cli.work,
    env: {},
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: true, columns: 200 },
    version: '0.0.0-test',
    transport: fetchTransport(),
    clock,
    ...(signal ? { signal } : {}),
  };
  const code = await runCli(context);
  return { code, stdout, stderr };
}

describe('progress and Ctrl-C, in-process', () => {
  it('shows a translating bar on a terminal', async () => {
    await writeConfig({});
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('] 0/19 translating…');
    expect(result.stderr).toContain('] 19/19 translating…');
  });

  it('stops translating on Ctrl-C and still writes every note, the rest marked pending', async () => {
    await writeConfig({ concurrency: 1 });
    const ctrlC = new AbortController();
    llm.respond((r) => {
      if (r.n === 3) ctrlC.abort();
      return r.n >= 3 ? faults.slow(5000, fakeTranslation(r)) : fakeTranslation(r);
    });
    const result = await run(ctrlC.signal);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Cancelled after 2 of 19 papers; the next run continues with the rest.\n');
    expect(result.stdout).toContain('19 notes created');
    expect(llm.requests).toHaveLength(3);
    const notes = [...(await allFiles(join(cli.vault, 'arXiv', 'Papers'))).values()];
    expect(notes).toHaveLength(19);
    expect(notes.filter((text) => text.includes(PENDING))).toHaveLength(17);
    const cache = JSON.parse(await readFile(join(cli.vault, '.paper-feed', 'enrich-cache.json'), 'utf8')) as { entries: Record<string, string> };
    expect(Object.keys(cache.entries)).toHaveLength(2 * 3);
  });
});
