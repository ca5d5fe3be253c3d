// Hostile metadata, property-based: whatever arXiv's titles, authors, abstracts,
// comments and ids hold, a note lands inside its folder under a name every platform accepts, its
// frontmatter reads back as exactly what was written, its generated block cannot end early or
// open a frontmatter, and no HTML reaches the Markdown raw. Checked on Papers made directly and on
// Papers read from a feed, as they come off the wire.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tryParseArxivId } from '../../core/arxiv/ids';
import type { Paper } from '../../core/arxiv/paper';
import type { PaperEnrichment } from '../../core/enrich/enrich';
import { parseRss } from '../../core/arxiv/rss';
import { DEFAULT_CONFIG, type PaperFeedConfig, type PaperNoteName } from '../../core/config';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { paperFrontmatter } from '../../core/notes/paper-note';
import { writeAnnouncement } from '../../core/notes/write';
import { MemoryStore } from '../../core/notes/memory-store';
import { parseYaml } from '../stand-ins/obsidian/yaml';
import { FEED_LISTING, rssFeed, rssItem, xmlText } from '../support/fault-feeds';
import { makeAnnouncement, makePaper } from '../support/papers';
import { nameProblem, noteShape, obsidianComments, rawHtml, strayLineStarts } from './checks';
import { PROPERTY_RUNS, hostileId, hostileMetadata, hostileText, type HostileMetadata } from './hostile';

const FOLDERS = [
  { daily: 'arXiv/Daily', papers: 'arXiv/Papers' },
  { daily: 'Journal', papers: 'Research/論文/arXiv 2026' },
  { daily: '', papers: '' },
];

function configFor(folders: PaperFeedConfig['folders'], naming: PaperNoteName): PaperFeedConfig {
  // One group that takes every paper in cs, so every hostile paper becomes a note.
  return { ...DEFAULT_CONFIG, folders, paperNoteName: naming, groups: [{ name: 'All', include: [], categories: ['cs'] }] };
}

const setup = fc.record({
  folders: fc.constantFrom(...FOLDERS),
  naming: fc.constantFrom<PaperNoteName>('title', 'title', 'id', 'id-title'),
});

function paperFrom(meta: HostileMetadata, index: number): Paper {
  return makePaper({
    id: `2605.${10001 + index}`,
    title: meta.title,
    authors: meta.authors,
    abstract: meta.abstract,
    comment: meta.comment,
    journalRef: meta.journalRef,
    categories: ['cs.LG'],
    published: '2026-05-27',
    updated: '2026-05-27',
  });
}

/**
 * Writes the papers into an empty vault, with a model's translation and TL;DR when given (model
 * output is hostile text too), and checks every note against the four rules at the top of this file.
 */
async function writeAndCheck(papers: Paper[], config: PaperFeedConfig, enrichment?: PaperEnrichment): Promise<void> {
  const store = new MemoryStore();
  const enrich = enrichment && (async (given: Paper[]) => new Map(given.map((p) => [p.id, enrichment])));
  const announcement = makeAnnouncement(papers, { date: FEED_LISTING, announcedAt: '2026-05-27T20:00:00-04:00' });
  const report = await writeAnnouncement(announcement, config, store, enrich ? { enrich } : {});
  const { daily, papers: paperFolder } = config.folders;
  expect(report.created).toHaveLength(papers.length);
  expect(store.files.size).toBe(papers.length + 1);

  // 1. Inside the configured folder, under a name valid on every platform.
  const dailyName = report.dailyNote.split('/').pop()!;
  expect(report.dailyNote).toBe(daily ? `${daily}/${dailyName}` : dailyName);
  for (const path of store.files.keys()) {
    const folder = path === report.dailyNote ? daily : paperFolder;
    const name = folder ? path.slice(folder.length + 1) : path;
    expect(folder === '' || path.startsWith(`${folder}/`)).toBe(true);
    expect({ path, problem: nameProblem(name) }).toEqual({ path, problem: null });
  }

  const index = await store.index();
  for (const paper of papers) {
    const path = index.papers.get(paper.id)?.path;
    expect(path).toBeDefined();
    const text = store.files.get(path!)!;
    const shape = noteShape(text);

    // 2. The frontmatter reads back as exactly what was written, by Paper Feed's reader (core/notes/yaml) and by Obsidian's.
    const data = readFrontmatter(text);
    const facts = { citekey: String(data.citekey), keywords: ['All'], digests: [report.dailyNote], ...(enrichment ? { enrichment } : {}) };
    const written = Object.fromEntries(paperFrontmatter(paper, facts));
    expect(data).toEqual(written);
    expect(parseYaml(shape.yaml)).toEqual(written);
    expect(data.arxiv_id).toBe(paper.id);
    expect((data.authors as unknown[]).length).toBe(paper.authors.length);
    expect(String(data.title)).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);

    // 3. One marked block right after the frontmatter, nothing hostile starting a line in it, the
    //    person's section after it, and no Obsidian comment that could swallow the end marker.
    expect(shape.after).toBe('\n## Notes\n\n');
    const abstractLines = shape.block.slice(shape.block.indexOf('## Abstract') + 1, shape.block.indexOf('## BibTeX')).filter((l) => l !== '');
    expect(strayLineStarts(abstractLines)).toEqual([]);
    expect(obsidianComments(shape.block.join('\n'))).toBe(0);
    const fence = shape.block[shape.block.indexOf('## BibTeX') + 2]!;
    expect(fence).toMatch(/^`{3,}bibtex$/);
    expect(shape.block.at(-1)).toBe(fence.replace('bibtex', ''));

    // 4. No raw HTML in the body (frontmatter values are data that Obsidian shows as text).
    expect(rawHtml(shape.block.join('\n') + shape.after)).toEqual([]);
  }

  const dailyText = store.files.get(report.dailyNote)!;
  const dailyShape = noteShape(dailyText);
  expect(readFrontmatter(dailyText)).toEqual({
    date: FEED_LISTING,
    announced: '2026-05-27T20:00:00-04:00',
    papers: papers.length,
    keywords: ['All'],
    matches: [`All: ${papers.length}`],
    tags: ['paper-feed/daily'],
  });
  expect(dailyShape.after).toBe('');
  expect(obsidianComments(dailyShape.block.join('\n'))).toBe(0);
  const quoted = dailyShape.block.filter((l) => l.startsWith('> ') && l !== '> [!abstract]- Abstract').map((l) => l.slice(2));
  expect(strayLineStarts(quoted)).toEqual([]);
  expect(rawHtml(dailyShape.block.join('\n'))).toEqual([]);
}

/** What a model might answer: hostile text in every part. */
function hostileEnrichment(): fc.Arbitrary<PaperEnrichment> {
  return fc.record({ titleTranslated: hostileText(), abstractTranslated: hostileText(), tldr: hostileText() }).map((parts) => ({ ...parts, missing: [] }));
}

describe('hostile metadata (property-based)', () => {
  it(`becomes safe, portable notes whose frontmatter reads back exactly (${PROPERTY_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        setup,
        fc.array(hostileMetadata(), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.option(hostileEnrichment()),
        async ({ folders, naming }, metas, sameTitle, enrichment) => {
          // Sometimes two papers share one hostile title: their notes must still be kept apart.
          const papers = metas.map((meta, i) => paperFrom(sameTitle ? { ...meta, title: metas[0]!.title } : meta, i));
          await writeAndCheck(papers, configFor(folders, naming), enrichment ?? undefined);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  }, 120_000);

  it(`stays safe when the metadata comes through arXiv's feed format (${PROPERTY_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(setup, fc.array(hostileMetadata(), { minLength: 1, maxLength: 2 }), hostileText(3), async ({ folders, naming }, metas, category) => {
        const items = metas.map((meta, i) =>
          rssItem({ id: `2605.${20001 + i}`, title: meta.title, abstract: meta.abstract, authors: meta.authors.join(', '), categories: ['cs.LG', category] }),
        );
        const announcement = parseRss(rssFeed(items), ['cs.LG']);
        // Every item is a paper or reported by id; none vanishes.
        expect(announcement.papers.length + announcement.skipped.length).toBe(metas.length);
        for (const paper of announcement.papers) expect(paper.categories.every((c) => /^[a-z-]+(\.[A-Za-z-]+)?$/.test(c))).toBe(true);
        if (announcement.papers.length > 0) await writeAndCheck(announcement.papers, configFor(folders, naming));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  }, 120_000);

  it(`reads only real arXiv identifiers, whatever surrounds them (${PROPERTY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostileId(), (text) => {
        const id = tryParseArxivId(text);
        if (id === null) return;
        expect(id.id).toMatch(/^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?\/\d{7})$/);
        if (id.version !== undefined) expect(Number.isInteger(id.version) && id.version >= 1).toBe(true);
        // What it read is the identifier itself (an old-style subject class like ".GT" dropped).
        expect(text.replace(/(^|[^A-Za-z])([a-z-]+)\.[A-Z]{2}\//g, '$1$2/')).toContain(id.id);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it(`turns a feed item with a hostile identifier into a canonical id or a skipped item (${PROPERTY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostileId(), (guid) => {
        const item = rssItem({
          id: '2605.30001',
          title: 'A title',
          abstract: 'Text.',
          authors: 'Ada Lovelace',
          categories: ['cs.LG'],
          withoutId: true,
        }).replace('    </item>', () => `      <guid isPermaLink="false">${xmlText(guid)}</guid>\n    </item>`);
        const announcement = parseRss(rssFeed([item]), ['cs.LG']);
        expect(announcement.papers.length + announcement.skipped.length).toBe(1);
        for (const paper of announcement.papers) {
          expect(paper.id).toMatch(/^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?\/\d{7})$/);
          expect(paper.absUrl).toBe(`https://arxiv.org/abs/${paper.id}`);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
