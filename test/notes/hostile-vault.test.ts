import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeAnnouncement } from '../../core/notes/write';
import { MemoryStore } from '../../core/notes/memory-store';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { DEFAULT_CONFIG, type PaperFeedConfig } from '../../core/config';
import { makeAnnouncement, makePaper } from '../support/papers';
import { hostileText } from './hostile';

// Every paper matches the one group, so every hostile title becomes a note.
const config: PaperFeedConfig = { ...DEFAULT_CONFIG, groups: [{ name: 'All: #1 [[x]]', include: [], categories: ['cs'] }] };

describe('a vault written from hostile metadata (property)', () => {
  it('keeps every note inside its folder, readable, found again, and untouched by a rerun', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ title: hostileText(), author: hostileText(), abstract: hostileText() }), { minLength: 1, maxLength: 4 }),
        async (items) => {
          const papers = items.map((item, i) =>
            makePaper({ id: `2605.${String(10000 + i)}`, title: item.title, authors: [item.author], abstract: item.abstract }),
          );
          const store = new MemoryStore();
          const report = await writeAnnouncement(makeAnnouncement(papers), config, store);
          expect(report.created).toHaveLength(papers.length);
          for (const path of report.created) {
            expect(path.startsWith('arXiv/Papers/')).toBe(true);
            expect(path.slice('arXiv/Papers/'.length)).not.toMatch(/[/\\]/);
          }
          const index = await store.index();
          expect([...index.papers.keys()].sort()).toEqual(papers.map((p) => p.id).sort());
          for (const path of store.files.keys()) expect(() => readFrontmatter(store.files.get(path)!)).not.toThrow();
          const writes = store.writes;
          await writeAnnouncement(makeAnnouncement(papers), config, store);
          expect(store.writes).toBe(writes);
        },
      ),
      { numRuns: 200 },
    );
  });
});
