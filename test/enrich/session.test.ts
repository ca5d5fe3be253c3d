// The one enrichment session every host wires up: cache through a port, budgets across days,
// the lines it shows, and results handed over as answers arrive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrichCacheData } from '../../core/enrich/cache';
import { EnrichSession, type EnrichResults } from '../../core/enrich/session';
import type { EnrichSettings } from '../../core/enrich/settings';
import { PaperFeedError } from '../../core/errors';
import { fakeTranslation, faults, startLlmServer, type LlmServer } from '../support/llm-server';
import { createFakeClock } from '../support/fake-clock';
import { fetchTransport } from './fetch-transport';
import { samplePapers, settingsFor } from './papers';

let server: LlmServer;
beforeEach(async () => {
  server = await startLlmServer();
});
afterEach(() => server.close());

function sessionWith(overrides: Partial<EnrichSettings>, saved: EnrichCacheData[] = [], lines: string[] = [], failSave = false): EnrichSession {
  return new EnrichSession(settingsFor(server.baseUrl, overrides), {
    transport: fetchTransport,
    clock: createFakeClock(),
    random: () => 0,
    onLine: (line) => lines.push(line),
    cache: {
      load: () => Promise.resolve([...saved]),
      save: (data) => {
        if (failSave) return Promise.reject(new Error('disk full'));
        saved.unshift(data);
        return Promise.resolve();
      },
    },
  });
}

describe('an enrichment session', () => {
  it('knows the cached parts without a request, and hands results over as answers arrive', async () => {
    const saved: EnrichCacheData[] = [];
    const session = sessionWith({ concurrency: 1 }, saved);
    const papers = samplePapers(3);
    const known = await session.known(papers);
    expect([...known.values()].map((r) => r.missing)).toEqual([
      ['title', 'abstract'],
      ['title', 'abstract'],
      ['title', 'abstract'],
    ]);
    expect(server.requests).toEqual([]);

    const updates: number[] = [];
    const requestsAtUpdate: number[] = [];
    await session.fill(papers, (results: EnrichResults) => {
      updates.push([...results.values()].filter((r) => r.missing.length === 0).length);
      requestsAtUpdate.push(server.requests.length);
      return Promise.resolve();
    });
    // The first update came before the last request: answers are written as they arrive.
    expect(requestsAtUpdate[0]).toBeLessThan(3);
    expect(updates.at(-1)).toBe(3);
    expect(session.summary()).toMatchObject({ complete: 3, fromCache: 0, requests: 3, failed: 0, stopped: [], reasons: [], untranslated: [] });
    expect(session.doneText()).toBe('3 translated');
    expect(Object.keys(saved[0]!.entries)).toHaveLength(6);

    // A second session over the saved cache asks nothing and saves nothing.
    const again = sessionWith({}, saved);
    await again.fill(papers, () => Promise.reject(new Error('nothing to write')));
    expect(server.requests).toHaveLength(3);
    expect(saved).toHaveLength(saved.length);
    expect(again.summary()).toMatchObject({ complete: 3, fromCache: 3, requests: 0 });
  });

  it('spends one paper budget across the days of a run', async () => {
    const lines: string[] = [];
    const session = sessionWith({ budget: 3 }, [], lines);
    const papers = samplePapers(5);
    await session.fill(papers.slice(0, 2), () => Promise.resolve());
    await session.fill(papers.slice(2), () => Promise.resolve());
    expect(server.requests).toHaveLength(3);
    expect(lines).toEqual(['Reached the budget of 3 papers for this run; 2 more wait for the next run.']);
    expect(session.summary().untranslated.map((u) => u.code)).toEqual(['budget', 'budget']);
  });

  it('spends one time budget across the days, and says once when it ran out', async () => {
    const lines: string[] = [];
    const session = sessionWith({ timeBudgetMs: 1000, concurrency: 1 }, [], lines);
    server.respond((r) => faults.slow(700, fakeTranslation(r)));
    const papers = samplePapers(4);
    await session.fill(papers.slice(0, 2), () => Promise.resolve());
    await session.fill(papers.slice(2), () => Promise.resolve());
    // One answer fits in the second; the second paper's is cut off, the second day asks nothing.
    expect(session.summary().complete).toBe(1);
    expect(server.requests).toHaveLength(2);
    expect(lines).toEqual(['Stopped translating at the time budget of 1 s for this run; 1 more paper waits for the next run.']);
    expect(session.summary().untranslated.map((u) => u.code)).toEqual(['time-budget', 'time-budget', 'time-budget']);
  });

  it('says so once when the cache cannot be saved or the notes cannot be updated, and stops asking', async () => {
    const lines: string[] = [];
    const session = sessionWith({ concurrency: 1 }, [], lines, true);
    await session.fill(samplePapers(4), () => Promise.reject(new PaperFeedError('vault', 'Could not write arXiv/Daily/2026-05-28.md (EACCES).')));
    expect(lines[0]).toBe(
      'The notes could not be updated with the translations (Could not write arXiv/Daily/2026-05-28.md (EACCES)); the next run writes them.',
    );
    expect(server.requests.length).toBeLessThan(4);
  });
});
