// The day's overview: asked for after the digest is written, cached per announcement, marked as
// machine-written, with links to the papers it cites, inside the generated block; a second run
// with nothing new writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import type { EnrichCacheData } from '../../core/enrich/cache';
import { EnrichSession } from '../../core/enrich/session';
import type { EnrichSettings } from '../../core/enrich/settings';
import { BLOCK_END, BLOCK_START } from '../../core/notes/markers';
import { writeThenEnrich } from '../../core/notes/write-then-enrich';
import { MemoryStore } from '../../core/notes/memory-store';
import { fetchTransport } from '../enrich/fetch-transport';
import { settingsFor } from '../enrich/papers';
import { fakeTranslation, startLlmServer, type LlmServer, type RecordedRequest } from '../support/llm-server';
import { sampleAnnouncement } from '../support/papers';

const DAILY = 'arXiv/Daily/2026-05-29.md';
const OVERVIEW = '今天的论文主要关于大语言模型的训练与推理效率 [1]，以及扩散模型 [3]。强化学习方面也有新方法 [2] [99]。';

let server: LlmServer;
beforeEach(async () => {
  server = await startLlmServer((r) => (isOverview(r) ? { content: JSON.stringify({ overview: OVERVIEW }) } : fakeTranslation(r)));
});
afterEach(() => server.close());

const isOverview = (r: RecordedRequest) => r.rawBody.includes('overview');

function session(saved: EnrichCacheData[], overrides: Partial<EnrichSettings> = {}): EnrichSession {
  return new EnrichSession(settingsFor(server.baseUrl, { overview: true, overviewWords: 80, overviewLanguage: 'target', ...overrides }), {
    transport: fetchTransport,
    cache: {
      load: () => Promise.resolve([...saved]),
      save: (data) => {
        saved.unshift(data);
        return Promise.resolve();
      },
    },
  });
}

describe('the overview of the day', () => {
  it('is written after the digest, marked as machine-written, with links to the papers it cites', async () => {
    const store = new MemoryStore();
    const saved: EnrichCacheData[] = [];
    const { fill } = await writeThenEnrich(sampleAnnouncement(), DEFAULT_CONFIG, store, {}, session(saved));
    // The digest is there before anything was asked.
    expect(server.requests).toEqual([]);
    expect(store.files.get(DAILY)).not.toContain('Overview');
    await fill();
    expect(isOverview(server.requests[0]!)).toBe(true);
    const prompt = server.requests[0]!.body!.messages![1]!.content;
    expect(prompt).toContain('at most 80 words in Chinese (China) (zh-CN)');
    const daily = store.files.get(DAILY)!;
    const block = daily.slice(daily.indexOf(BLOCK_START), daily.indexOf(BLOCK_END));
    // [n] is the n-th paper as the daily note lists them, group by group.
    expect(block).toContain(
      [
        '**7 papers matched** — Language models 5 · Reinforcement learning 1 · Diffusion 2',
        '',
        '> [!summary] Overview · machine-written by qwen2.5:7b, may be wrong',
        '> 今天的论文主要关于大语言模型的训练与推理效率 ([[arXiv/Papers/Micro-Batch Scheduling for Large Language Model Training at Scale|Feng et al.]])，' +
          '以及扩散模型 ([[arXiv/Papers/Sparse Autoencoders Find Interpretable Features in Protein Models|Zhao et al.]])。' +
          '强化学习方面也有新方法 ([[arXiv/Papers/Diffusion Models Are Secretly Energy-Based Language Models|Hopper et al.]])。',
        '',
        '## Language models (5)',
      ].join('\n'),
    );
    expect(block).not.toContain('[99]');
    expect(Object.keys(saved[0]!.overviews ?? {})).toHaveLength(1);
  });

  it('comes from the cache on the next run, which writes nothing', async () => {
    const saved: EnrichCacheData[] = [];
    const store = new MemoryStore();
    await (await writeThenEnrich(sampleAnnouncement(), DEFAULT_CONFIG, store, {}, session(saved))).fill();
    const asked = server.requests.length;
    const before = new Map(store.files);
    const second = await writeThenEnrich(sampleAnnouncement(), DEFAULT_CONFIG, store, {}, session(saved));
    await second.fill();
    expect(server.requests).toHaveLength(asked);
    expect(second.report.dailyNoteChange).toBe('unchanged');
    expect(second.report.updated).toEqual([]);
    expect(store.files).toEqual(before);
  });

  it('is turned down in the wrong language and said once; the digest stands', async () => {
    server.respond((r) =>
      isOverview(r)
        ? { content: JSON.stringify({ overview: 'Today the papers are mostly about training language models and diffusion [1].' }) }
        : fakeTranslation(r),
    );
    const saved: EnrichCacheData[] = [];
    const s = session(saved);
    await (await writeThenEnrich(sampleAnnouncement(), DEFAULT_CONFIG, new MemoryStore(), {}, s)).fill();
    expect(s.summary().stopped).toEqual([
      'The overview of 2026-05-29 was not written (the answer was in the wrong language (it is not written in Han script)); the next run asks again.',
    ]);
  });

  it('is not asked for when off', async () => {
    const saved: EnrichCacheData[] = [];
    await (await writeThenEnrich(sampleAnnouncement(), DEFAULT_CONFIG, new MemoryStore(), {}, session(saved, { overview: false }))).fill();
    expect(server.requests.filter(isOverview)).toEqual([]);
  });
});
