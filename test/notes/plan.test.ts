import { describe, expect, it } from 'vitest';
import { notesToRead, planNoteWrites } from '../../core/notes/plan';
import { selectPapers } from '../../core/select/select';
import { buildVaultIndex } from '../../core/notes/index-of-texts';
import { indexOfMaps } from '../../core/vault/index-of';
import { DEFAULT_CONFIG } from '../../core/config';
import { makeAnnouncement, makePaper, sampleAnnouncement } from '../support/papers';

describe('planNoteWrites', () => {
  const announcement = sampleAnnouncement();
  const empty = indexOfMaps(new Map(), new Map());

  it('plans without any I/O, paper notes first and the daily note last', () => {
    const selection = selectPapers(announcement, DEFAULT_CONFIG, empty.papers);
    const plan = planNoteWrites({ announcement, config: DEFAULT_CONFIG, selection, index: empty, existing: new Map() });
    expect(plan.map((n) => [n.kind, n.role])).toEqual([...Array(7).fill(['create', 'paper']), ['create', 'daily']]);
    expect(plan.every((n) => n.path.startsWith(n.role === 'daily' ? 'arXiv/Daily/' : 'arXiv/Papers/'))).toBe(true);
  });

  it('plans nothing to write once its own plan has been applied', () => {
    const selection = selectPapers(announcement, DEFAULT_CONFIG, empty.papers);
    const first = planNoteWrites({ announcement, config: DEFAULT_CONFIG, selection, index: empty, existing: new Map() });
    const files = new Map(first.map((n) => [n.path, n.content]));
    const index = buildVaultIndex(files);
    const again = selectPapers(announcement, DEFAULT_CONFIG, index.papers);
    const existing = new Map(notesToRead(again, index, announcement.date).map((p) => [p, files.get(p)!]));
    const second = planNoteWrites({ announcement, config: DEFAULT_CONFIG, selection: again, index, existing });
    expect(second.map((n) => n.kind)).toEqual(Array(8).fill('unchanged'));
  });

  it('names paper notes by id or id and title when configured', () => {
    const paper = makePaper({ id: 'hep-th/9901001', title: 'Strings: a review', abstract: 'language model' });
    const ann = makeAnnouncement([paper]);
    const path = (paperNoteName: 'id' | 'id-title') => {
      const config = { ...DEFAULT_CONFIG, paperNoteName };
      const selection = selectPapers(ann, config, empty.papers);
      return planNoteWrites({ announcement: ann, config, selection, index: empty, existing: new Map() })[0]!.path;
    };
    expect(path('id')).toBe('arXiv/Papers/hep-th-9901001.md');
    expect(path('id-title')).toBe('arXiv/Papers/hep-th-9901001 Strings - a review.md');
  });

  it('names a paper whose title leaves nothing usable by its id', () => {
    const ann = makeAnnouncement([makePaper({ id: '2605.00001', title: '???', abstract: 'language model' })]);
    const selection = selectPapers(ann, DEFAULT_CONFIG, empty.papers);
    expect(planNoteWrites({ announcement: ann, config: DEFAULT_CONFIG, selection, index: empty, existing: new Map() })[0]!.path).toBe(
      'arXiv/Papers/2605.00001.md',
    );
  });

  it('lists what to read: the selected papers’ notes and the daily note', () => {
    const index = buildVaultIndex([
      ['Mine/old.md', "---\narxiv_id: '2604.11111'\nversion: 2\n---\n"],
      ['Mine/other.md', "---\narxiv_id: '2501.00001'\n---\n"],
      ['D.md', '---\ndate: 2026-05-29\ntags: [paper-feed/daily]\n---\n'],
    ]);
    const selection = selectPapers(announcement, DEFAULT_CONFIG, index.papers);
    expect(notesToRead(selection, index, announcement.date)).toEqual(['Mine/old.md', 'D.md']);
  });

  it('asks the index about names and citekeys instead of walking it, and still avoids what it holds', () => {
    const files = new Map(
      planNoteWrites({
        announcement,
        config: DEFAULT_CONFIG,
        selection: selectPapers(announcement, DEFAULT_CONFIG, empty.papers),
        index: empty,
        existing: new Map(),
      }).map((n) => [n.path, n.content]),
    );
    const full = buildVaultIndex(files);
    // The same notes, under ids the announcement does not have: their names and citekeys are taken.
    const papers = new Map([...full.papers].map(([id, note]) => [`9${id}`, note]));
    const walked = () => {
      throw new Error('the planner walked the whole index');
    };
    const lookupsOnly: ReadonlyMap<string, typeof papers extends Map<string, infer V> ? V : never> = {
      get: (id: string) => papers.get(id),
      has: (id: string) => papers.has(id),
      get size(): number {
        return walked();
      },
      forEach: walked,
      entries: walked,
      keys: walked,
      values: walked,
      [Symbol.iterator]: walked,
    };
    const index = { ...indexOfMaps(papers, full.dailies), papers: lookupsOnly };
    const selection = selectPapers(announcement, DEFAULT_CONFIG, index.papers);
    const plan = planNoteWrites({ announcement, config: DEFAULT_CONFIG, selection, index, existing: new Map() });
    const created = plan.filter((n) => n.role === 'paper');
    expect(created).toHaveLength(7);
    for (const note of created) {
      expect(files.has(note.path)).toBe(false);
      expect(note.path).toMatch(/ \(\d{4}\.\d{5}\)( 2)?\.md$/);
      expect(note.content).toMatch(/^citekey: \w+[a-z]$/m);
    }
    const keys = created.map((n) => /^citekey: (\S+)$/m.exec(n.content)![1]);
    expect(keys.every((key) => !full.hasCitekey(key!))).toBe(true);

    // An index that lists a prefix's citekeys in one search gives the same keys, found that way.
    const held = [...files.values()].flatMap((text) => /^citekey: (\S+)$/m.exec(text)?.[1] ?? []);
    const prefixes: string[] = [];
    const listing = {
      ...index,
      citekeysStartingWith: (prefix: string) => (prefixes.push(prefix), held.filter((key) => key.startsWith(prefix))),
    };
    const again = planNoteWrites({ announcement, config: DEFAULT_CONFIG, selection, index: listing, existing: new Map() });
    expect(again.filter((n) => n.role === 'paper').map((n) => /^citekey: (\S+)$/m.exec(n.content)![1])).toEqual(keys);
    expect(prefixes).toHaveLength(7);
  });
});
