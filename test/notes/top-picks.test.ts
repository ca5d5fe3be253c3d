// "Top picks" in the notes: the daily note's section, the picks' notes, the `score`
// key, the cold start, relevance order, the library file, and which notes count as kept.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PaperFeedConfig } from '../../core/config';
import { validateConfig } from '../../core/config-validate';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { keepRules } from '../../core/notes/keep-keys';
import { couldBeKept, noteLibraryFacts } from '../../core/notes/library-items';
import { NO_LIBRARY_CACHE, type LibraryCache } from '../../core/notes/library-source';
import { BLOCK_START } from '../../core/notes/markers';
import { writeAnnouncement } from '../../core/notes/write';
import { coldStartNotice } from '../../core/rank/explain';
import { MemoryStore } from '../../core/notes/memory-store';
import { makeAnnouncement, makePaper } from '../support/papers';
import { KEPT_PAPERS, keptNote, keptNotes } from './kept-notes';

const conformal = makePaper({
  id: '2605.30001',
  title: 'Conformal Link Prediction with Coverage Guarantees',
  abstract:
    'We build conformal prediction sets for link prediction on graphs. The sets keep marginal coverage even though edges are not exchangeable, and they stay small on citation graphs.',
});
const overoptimization = makePaper({
  id: '2605.30002',
  title: 'Best-of-n Sampling Overoptimizes Reward Models',
  abstract:
    'Reinforcement learning from human feedback and best-of-n sampling both push against a learned reward model. We show that best-of-n overoptimization follows the same KL law as policy optimization, and that the gold reward can be predicted.',
});
const traffic = makePaper({
  id: '2605.30003',
  title: 'Reinforcement Learning for Traffic Signal Control',
  abstract: 'We train traffic signal controllers with reinforcement learning on a city-scale simulator and cut waiting times by a fifth.',
});
const moons = makePaper({
  id: '2605.30004',
  title: 'Tidal Heating of Icy Moons',
  abstract: 'We model tidal dissipation in the ice shells of Europa and Enceladus and estimate the heat flux at their surfaces.',
});
const announcement = makeAnnouncement([traffic, moons, conformal, overoptimization]);
const config: PaperFeedConfig = { ...DEFAULT_CONFIG, groups: [{ name: 'RL', include: ['reinforcement learning'] }], topPicks: 3 };
const DAILY = 'arXiv/Daily/2026-05-29.md';
const P = 'arXiv/Papers/';

async function run(store: MemoryStore, overrides: Partial<PaperFeedConfig> = {}, cache: LibraryCache = NO_LIBRARY_CACHE) {
  return writeAnnouncement(announcement, { ...config, ...overrides }, store, { library: cache });
}

/** The generated lines of the daily note from its "## Top picks" heading up to the next section. */
function topPicksSection(daily: string): string {
  const start = daily.indexOf('## Top picks');
  if (start < 0) return '';
  const end = [daily.indexOf('\n## ', start + 1), daily.indexOf('\n%% paper-feed:end', start)].filter((i) => i >= 0);
  return daily.slice(start, Math.min(...end)).trimEnd();
}

describe('the Top picks section', () => {
  it('heads the daily note with the best papers, each with its score and the reason', async () => {
    const store = new MemoryStore(keptNotes());
    const report = await run(store);
    const daily = store.files.get(DAILY)!;
    expect(topPicksSection(daily)).toBe(
      [
        '## Top picks',
        '',
        'Ranked against the 6 papers in your library (scores from 0 to 1):',
        '',
        `- [[${P}Best-of-n Sampling Overoptimizes Reward Models|Best-of-n Sampling Overoptimizes Reward Models]] · 0.33 — close to [[Reading/Reward hacking|Reward hacking]]; shares *reward models*`,
        `- [[${P}Conformal Link Prediction with Coverage Guarantees|Conformal Link Prediction with Coverage Guarantees]] · 0.26 — close to [[Reading/Conformal GNN|Conformal GNN]]; shares *prediction*, *conformal*, *graphs*`,
        `- [[${P}Reinforcement Learning for Traffic Signal Control|Reinforcement Learning for Traffic Signal Control]] · 0.16 — close to [[Reading/Conservative Q-learning|Conservative Q-learning]] and [[Reading/Reward hacking|Reward hacking]]; shares *reinforcement learning*`,
      ].join('\n'),
    );
    // The first section, right under the lines that say which announcement it is.
    expect(daily).toContain('**2 papers matched** — RL 2\n\n## Top picks\n');
    expect(report.topPicks).toEqual({ coldStart: false, librarySize: 6, picks: ['2605.30002', '2605.30001', '2605.30003'], beyondGroups: 1 });
  });

  it('gives a pick no group matched a note of its own, so its link resolves, with no keywords', async () => {
    const store = new MemoryStore(keptNotes());
    const report = await run(store);
    const path = `${P}Conformal Link Prediction with Coverage Guarantees.md`;
    expect(report.created).toContain(path);
    const data = readFrontmatter(store.files.get(path)!);
    expect([data.arxiv_id, data.keywords, data.digests]).toEqual(['2605.30001', [], ['[[arXiv/Daily/2026-05-29|2026-05-29]]']]);
    // A paper close to nothing is neither a pick nor given a note.
    expect([...store.files.keys()].some((p) => p.includes('Icy Moons'))).toBe(false);
  });

  it('writes `score` on every ranked paper that has a note, and it reads back as the number shown', async () => {
    const store = new MemoryStore(keptNotes());
    await run(store);
    const score = (name: string) => readFrontmatter(store.files.get(`${P}${name}.md`)!).score;
    expect(score('Best-of-n Sampling Overoptimizes Reward Models')).toBe(0.326);
    expect(score('Conformal Link Prediction with Coverage Guarantees')).toBe(0.256);
    expect(score('Reinforcement Learning for Traffic Signal Control')).toBe(0.161);
    expect(store.files.get(`${P}Best-of-n Sampling Overoptimizes Reward Models.md`)).toContain('\nscore: 0.326\n---\n');
  });

  it('writes zero files on a second run when nothing changed, and saves the library index only when it changed', async () => {
    const saved: unknown[] = [];
    const cache: LibraryCache = { load: async () => saved.at(-1), save: async (json) => void saved.push(json) };
    const store = new MemoryStore(keptNotes());
    await run(store, {}, cache);
    const writes = store.writes;
    const files = new Map(store.files);
    const again = await run(store, {}, cache);
    expect(store.writes).toBe(writes);
    expect(store.files).toEqual(files);
    expect([again.created, again.updated, again.dailyNoteChange]).toEqual([[], [], 'unchanged']);
    expect(saved).toHaveLength(1);
  });

  it('moves the scores when the library changes', async () => {
    const store = new MemoryStore(keptNotes());
    await run(store);
    const path = `${P}Best-of-n Sampling Overoptimizes Reward Models.md`;
    store.files.delete('Reading/Reward hacking.md');
    const report = await run(store);
    expect(report.updated).toContain(path);
    expect(readFrontmatter(store.files.get(path)!).score).toBeLessThan(0.2);
  });

  it('says so during a cold start, ranks nothing, writes no score and gives no pick a note', async () => {
    const four = Object.fromEntries(Object.entries(keptNotes()).slice(0, 4));
    const store = new MemoryStore(four);
    const report = await run(store, { orderGroupsByRelevance: true });
    const daily = store.files.get(DAILY)!;
    expect(topPicksSection(daily)).toBe(`## Top picks\n\n${coldStartNotice(4)}`);
    expect(coldStartNotice(4)).toBe(
      'Top picks start when your library has 5 papers (it has 4): keep the paper notes you have read, or name a .bib or CSL-JSON file in the settings. Until then papers are listed in keyword order.',
    );
    expect(report.created).toEqual([`${P}Reinforcement Learning for Traffic Signal Control.md`, `${P}Best-of-n Sampling Overoptimizes Reward Models.md`]);
    for (const path of report.created) expect(readFrontmatter(store.files.get(path)!).score).toBeUndefined();
    // Keyword order: the group keeps arXiv's order.
    expect(daily.indexOf('### [[arXiv/Papers/Reinforcement')).toBeLessThan(daily.indexOf('### [[arXiv/Papers/Best-of-n'));
  });

  it('says when nothing in the announcement is close to the library', async () => {
    const store = new MemoryStore(keptNotes());
    await writeAnnouncement(makeAnnouncement([moons]), config, store, { library: NO_LIBRARY_CACHE });
    expect(topPicksSection(store.files.get(DAILY)!)).toBe('## Top picks\n\nNothing in this announcement is close to the 6 papers in your library.');
  });

  it('orders each group by relevance when asked, and keeps arXiv order otherwise', async () => {
    const first = '### [[arXiv/Papers/Reinforcement';
    const second = '### [[arXiv/Papers/Best-of-n';
    const plain = new MemoryStore(keptNotes());
    await run(plain);
    const arxivOrder = plain.files.get(DAILY)!;
    expect(arxivOrder.indexOf(first)).toBeLessThan(arxivOrder.indexOf(second));
    const ordered = new MemoryStore(keptNotes());
    await run(ordered, { orderGroupsByRelevance: true });
    const relevance = ordered.files.get(DAILY)!;
    expect(relevance.indexOf(second)).toBeLessThan(relevance.indexOf(first));
  });

  it('leaves the section out when topPicks is 0, and writes scores only when groups are ordered', async () => {
    const off = new MemoryStore(keptNotes());
    const report = await run(off, { topPicks: 0 });
    expect(off.files.get(DAILY)).not.toContain('Top picks');
    expect(report.topPicks).toBeUndefined();
    expect(report.created).toHaveLength(2);
    expect(readFrontmatter(off.files.get(report.created[0]!)!).score).toBeUndefined();
    const ordered = new MemoryStore(keptNotes());
    const orderedReport = await run(ordered, { topPicks: 0, orderGroupsByRelevance: true });
    expect(ordered.files.get(DAILY)).not.toContain('Top picks');
    expect(readFrontmatter(ordered.files.get(orderedReport.created[0]!)!).score).toBe(0.161);
  });

  it('ranks nothing when the host gives no library cache', async () => {
    const store = new MemoryStore(keptNotes());
    const report = await writeAnnouncement(announcement, config, store);
    expect(report.topPicks).toBeUndefined();
    expect(store.files.get(DAILY)).not.toContain('Top picks');
  });
});

describe('the library file', () => {
  // Three kept notes, none about conformal prediction: the .bib brings that.
  const bib = (entries: string) => new MemoryStore({ ...Object.fromEntries(Object.entries(keptNotes()).slice(1, 4)), 'References/library.bib': entries });
  const entry = (key: string, title: string, abstract: string) => `@article{${key},\n  title = {${title}},\n  abstract = {${abstract}},\n  year = {2025}\n}\n`;

  it('adds the entries with an abstract, named by their title in the reason', async () => {
    const store = bib(
      entry(
        'vovk2005',
        'Algorithmic Learning in a Random World',
        'Conformal prediction gives prediction sets with guaranteed coverage for link prediction and classification.',
      ) +
        entry('gao2023', 'Scaling Laws for Reward Model Overoptimization', 'Duplicate of a kept note; counted once.') +
        entry('lim2021', 'Traffic Signal Control Benchmarks', 'Traffic signal controllers trained on simulators.') +
        '@misc{noabstract, title = {No abstract here}}\n',
    );
    const report = await run(store, { library: { keepKeys: DEFAULT_CONFIG.library.keepKeys, file: 'References/library.bib' } });
    expect(report.topPicks?.librarySize).toBe(5);
    expect(topPicksSection(store.files.get(DAILY)!)).toContain('close to "Algorithmic Learning in a Random World"');
  });

  it('says once that a named file is missing, and ranks by the notes', async () => {
    const store = new MemoryStore(keptNotes());
    const report = await run(store, { library: { keepKeys: DEFAULT_CONFIG.library.keepKeys, file: 'References/gone.bib' } });
    expect(report.skipped).toEqual([
      { ref: 'References/gone.bib', reason: 'the library file named in the settings is not in the vault; export it there again or fix library.file' },
    ]);
    expect(report.topPicks?.librarySize).toBe(6);
  });

  it('says what is wrong with a file that is not CSL-JSON', async () => {
    const store = new MemoryStore({ ...keptNotes(), 'References/library.json': '{"items": []}' });
    const report = await run(store, { library: { keepKeys: [], file: 'References/library.json' } });
    expect(report.skipped.map((s) => s.reason)).toEqual(['The library file is not CSL-JSON (a JSON list of items): export it again as "CSL JSON" from Zotero']);
  });
});

describe('kept notes', () => {
  const rules = keepRules(DEFAULT_CONFIG.library.keepKeys);
  const note = (keep: (typeof KEPT_PAPERS)[number]['keep']) => keptNote({ ...KEPT_PAPERS[0]!, keep });
  const fresh = keptNote(KEPT_PAPERS[0]!).replace('Read it twice; the key idea is in section 3.\n', '');

  it('counts writing outside the block, a keep key, a value and a tag, each alone', () => {
    for (const keep of ['wrote', 'wrote-above', 'rating', 'status', 'tag'] as const) expect(noteLibraryFacts(note(keep), rules).kept, keep).toBe(true);
    expect(noteLibraryFacts(note('rating'), rules).written).toBe(false);
  });

  it('does not count a note as Paper Feed wrote it, with only its empty Notes heading', () => {
    expect(noteLibraryFacts(fresh, rules)).toEqual({
      kept: false,
      written: false,
      title: KEPT_PAPERS[0]!.title,
      abstract: KEPT_PAPERS[0]!.abstract,
      listedAt: Date.UTC(2026, 2, 2),
    });
  });

  it('counts an inline tag in the person’s text, and a nested tag under a keep tag', () => {
    expect(noteLibraryFacts(fresh.replace('## Notes\n', '## Notes\n#paper/keep/later\n'), keepRules(['tag: paper/keep'])).kept).toBe(true);
    expect(noteLibraryFacts(fresh.replace('\ntags:\n  - paper\n', '\ntags:\n  - paper\n  - paper/keeper\n'), keepRules(['tag: paper/keep'])).kept).toBe(false);
  });

  it('reads "status: read" as that value only, in any case, and "rating" as any value but an empty one', () => {
    const withProperty = (line: string) => fresh.replace('\ntags:\n', `\n${line}\ntags:\n`);
    expect(noteLibraryFacts(withProperty('status: Read'), rules).kept).toBe(true);
    expect(noteLibraryFacts(withProperty('status: reading'), rules).kept).toBe(false);
    expect(noteLibraryFacts(withProperty('rating: 0'), rules).kept).toBe(true);
    expect(noteLibraryFacts(withProperty('rating:'), rules).kept).toBe(false);
    expect(noteLibraryFacts(withProperty('rating: ""'), rules).kept).toBe(false);
  });

  it('counts a note whose markers the person deleted as theirs', () => {
    expect(noteLibraryFacts(fresh.replace(`${BLOCK_START}\n`, ''), rules).kept).toBe(true);
  });

  it('rules out a note as Paper Feed wrote it without reading its YAML, and never a kept one', () => {
    const withProperty = (line: string) => fresh.replace('\ntags:\n', `\n${line}\ntags:\n`);
    const generating = fresh.replace(/^title: .*$/m, "title: 'Generating ratings: a status report'");
    expect([couldBeKept(fresh, rules), couldBeKept(generating, rules)]).toEqual([false, false]);
    const kept = [
      ...(['wrote', 'wrote-above', 'rating', 'status', 'tag'] as const).map(note),
      withProperty('status: Read'),
      withProperty('"rating": 4'),
      withProperty('Rating: 4'),
      fresh.replace('## Notes\n', '## Notes\n#paper/keep/later\n'),
      fresh.replace(`${BLOCK_START}\n`, ''),
    ];
    for (const text of kept) {
      if (noteLibraryFacts(text, rules).kept) expect(couldBeKept(text, rules)).toBe(true);
    }
    expect(kept.filter((text) => noteLibraryFacts(text, rules).kept)).toHaveLength(9);
  });
});

describe('the settings', () => {
  const problem = (input: unknown) => {
    try {
      validateConfig(input);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('defaults to 10 picks, arXiv order inside groups, and the documented keep keys', () => {
    expect(validateConfig(undefined)).toMatchObject({
      topPicks: 10,
      orderGroupsByRelevance: false,
      library: { keepKeys: ['rating', 'status: read', 'tag: paper/keep'] },
    });
  });

  it('takes a library file and a half-life, and fills keep keys left out', () => {
    expect(validateConfig({ library: { file: 'Zotero\\My Library.bib', halfLifeDays: 90 } }).library).toEqual({
      keepKeys: ['rating', 'status: read', 'tag: paper/keep'],
      file: 'Zotero/My Library.bib',
      halfLifeDays: 90,
    });
  });

  it('names the key and what is wrong', () => {
    expect(problem({ topPicks: 2.5 })).toBe('topPicks: 2.5 is not a whole number from 0 (off) to 100.');
    expect(problem({ orderGroupsByRelevance: 'yes' })).toBe('orderGroupsByRelevance: must be true or false.');
    expect(problem({ library: { keepKeys: ['tags'] } })).toBe(
      'library.keepKeys[0]: "tags" is on every paper note Paper Feed writes, so it would keep them all; name a property of your own, such as "rating".',
    );
    expect(problem({ library: { keepKeys: ['status:'] } })).toBe(
      'library.keepKeys[0]: "status:" has nothing after the colon; write "status" to keep notes where it has any value, or "status: value".',
    );
    expect(problem({ library: { keepKeys: ['tag: two words'] } })).toBe(
      'library.keepKeys[0]: "tag: two words" names no tag; a tag is one word without spaces, such as paper/keep.',
    );
    expect(problem({ library: { file: 'library.txt' } })).toBe(
      'library.file: "library.txt" is not a .bib or .json file; export your library from Zotero as BibTeX or CSL JSON and name that file.',
    );
    expect(problem({ library: { file: '../outside.bib' } })).toBe(
      'library.file: "../outside.bib" climbs out of the vault with ".."; use a folder inside the vault.',
    );
    expect(problem({ library: { halfLifeDay: 30 } })).toBe('library: "halfLifeDay" is not a setting; did you mean "halfLifeDays"?');
  });
});
