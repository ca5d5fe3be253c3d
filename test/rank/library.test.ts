import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, LIBRARY_CACHE_LAYOUT, LibraryIndex, fingerprintOf } from '../../core/rank/library';
import { rankPapers } from '../../core/rank/score';
import { IMAGE_DIFFUSION, LIBRARY, ROBOT_DIFFUSION_POLICY, UNRELATED } from './papers';

function indexOf(items = LIBRARY): LibraryIndex {
  const index = new LibraryIndex();
  for (const item of items) index.add(item);
  return index;
}

describe('LibraryIndex', () => {
  it('counts document frequencies as papers come and go', () => {
    const index = indexOf();
    expect(index.size).toBe(5);
    expect(index.documentFrequencyOf('diffusion')).toBe(1);
    expect(index.documentFrequencyOf('graph')).toBe(1);
    expect(index.documentFrequencyOf('sequenc')).toBe(3);
    expect(index.remove('1706.03762')).toBe(true);
    expect(index.documentFrequencyOf('sequenc')).toBe(2);
    expect(index.remove('1706.03762')).toBe(false);
    expect(index.size).toBe(4);
  });

  it('replaces a paper added again under the same id instead of counting it twice', () => {
    const index = indexOf();
    index.add({ ...LIBRARY[0]!, abstract: 'A diffusion policy for a robot.' });
    expect(index.size).toBe(5);
    expect(index.documentFrequencyOf('diffusion')).toBe(1);
    expect(index.documentFrequencyOf('denois')).toBe(0);
    expect(index.get('2303.04137')?.fingerprint).toBe(fingerprintOf({ title: LIBRARY[0]!.title, abstract: 'A diffusion policy for a robot.' }));
  });

  it('fingerprints title and abstract as FNV-1a of "title\\nabstract", the value caches already hold', () => {
    expect(fingerprintOf({ title: 'Attention Is All You Need', abstract: 'The dominant sequence models.' })).toBe('3bcd4d79');
  });

  it('uses the note name, then the title, as id when an item has none', () => {
    const index = new LibraryIndex();
    expect(index.add({ title: 'T', abstract: 'graph coloring', noteName: 'My note' })).toBe('My note');
    expect(index.add({ title: 'Only a title', abstract: 'graph coloring' })).toBe('Only a title');
  });

  it('sync re-reads only new and edited papers and drops the ones no longer kept', () => {
    const index = indexOf();
    const edited = { ...LIBRARY[1]!, abstract: `${LIBRARY[1]!.abstract} Extra sentence about value functions.` };
    const added = { id: 'new-one', title: 'Graph Attention Networks', abstract: 'Attention over graph neighbourhoods.' };
    const result = index.sync([LIBRARY[0]!, edited, LIBRARY[2]!, LIBRARY[3]!, added]);
    expect(result).toEqual({ added: 2, removed: 1, kept: 3 });
    expect(index.has('protein-2021')).toBe(false);
    expect(index.get('2005.01643')?.fingerprint).toBe(fingerprintOf(edited));
    expect(index.sync([LIBRARY[0]!, edited, LIBRARY[2]!, LIBRARY[3]!, added])).toEqual({ added: 0, removed: 0, kept: 5 });
  });

  it('sync picks up a renamed note even when its text is unchanged', () => {
    const index = indexOf();
    const renamed = LIBRARY.map((item, i) => (i === 0 ? { ...item, noteName: 'Diffusion Policy (Chi 2023)' } : item));
    expect(index.sync(renamed)).toEqual({ added: 1, removed: 0, kept: 4 });
    expect(index.get('2303.04137')?.noteName).toBe('Diffusion Policy (Chi 2023)');
  });
});

describe('LibraryIndex cache', () => {
  const batch = [IMAGE_DIFFUSION, UNRELATED, ROBOT_DIFFUSION_POLICY];

  it('ranks exactly as before after toJSON → JSON text → fromJSON', () => {
    const index = indexOf();
    const restored = LibraryIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(restored.size).toBe(5);
    expect(restored.documentFrequencyOf('sequenc')).toBe(3);
    expect(rankPapers(batch, restored)).toEqual(rankPapers(batch, index));
  });

  it('keeps only the terms still in use after removals', () => {
    const index = indexOf();
    index.remove('protein-2021');
    const json = index.toJSON();
    expect(json.terms).not.toContain('protein');
    expect(json.terms.length).toBe(indexOf(LIBRARY.slice(0, 4)).toJSON().terms.length);
    expect(rankPapers(batch, LibraryIndex.fromJSON(json))).toEqual(rankPapers(batch, index));
  });

  it('starts empty from a cache written by another analyser version or damaged', () => {
    const json = indexOf().toJSON();
    expect(LibraryIndex.fromJSON({ ...json, analyzer: ANALYZER_VERSION + 1 }).size).toBe(0);
    expect(LibraryIndex.fromJSON('not a cache').size).toBe(0);
    expect(LibraryIndex.fromJSON(null).size).toBe(0);
    const withPostings = (postings: string) => ({ ...json, docs: json.docs.map((doc, i) => (i === 2 ? { ...doc, postings } : doc)) });
    expect(LibraryIndex.fromJSON(withPostings('zz,zz')).size).toBe(0);
    // A number cut short (a continuing digit last), a term id past the term list, a count of 0.
    expect(LibraryIndex.fromJSON(withPostings('00w')).size).toBe(0);
    expect(LibraryIndex.fromJSON(withPostings(`${'0'.repeat(json.terms.length)}0`)).size).toBe(0);
    expect(LibraryIndex.fromJSON(withPostings('10')).size).toBe(0);
    expect(LibraryIndex.fromJSON({ ...json, terms: [json.terms[1], ...json.terms.slice(1)] }).size).toBe(0);
    expect(LibraryIndex.fromJSON({ ...json, docs: [...json.docs, 7] }).size).toBe(0);
    expect(LibraryIndex.fromJSON({ ...json, layout: LIBRARY_CACHE_LAYOUT + 1 }).size).toBe(0);
  });

  it('ignores a cache in the first layout (comma-separated base-36 terms) and sync rebuilds it', () => {
    const firstLayout = {
      format: 'paper-feed-library',
      analyzer: ANALYZER_VERSION,
      terms: ['diffusion', 'polici'],
      docs: [{ id: '2303.04137', title: LIBRARY[0]!.title, fingerprint: fingerprintOf(LIBRARY[0]!), terms: '0:2,1' }],
    };
    const restored = LibraryIndex.fromJSON(JSON.parse(JSON.stringify(firstLayout)));
    expect(restored.size).toBe(0);
    expect(restored.sync(LIBRARY)).toEqual({ added: 5, removed: 0, kept: 0 });
    expect(rankPapers(batch, restored)).toEqual(rankPapers(batch, indexOf()));
  });

  it('restores ids that the cache leaves out because noteName or title gives them', () => {
    const items = [
      { title: 'Graph coloring', abstract: 'Coloring graphs greedily.', noteName: 'Coloring note' },
      { title: 'Only a title', abstract: 'Graph neural networks.' },
      { id: 'Other id', title: 'With its own id', abstract: 'Graph coloring bounds.', noteName: 'A note' },
    ];
    const index = indexOf(items);
    const json = index.toJSON();
    expect(json.docs.map((doc) => doc.id)).toEqual([undefined, undefined, 'Other id']);
    const restored = LibraryIndex.fromJSON(JSON.parse(JSON.stringify(json)));
    expect(['Coloring note', 'Only a title', 'Other id'].map((id) => restored.get(id)?.title)).toEqual(items.map((item) => item.title));
    expect(restored.sync(items)).toEqual({ added: 0, removed: 0, kept: 3 });
  });

  it('rebuilds nothing when synced against the same items after a restore', () => {
    const restored = LibraryIndex.fromJSON(JSON.parse(JSON.stringify(indexOf().toJSON())));
    expect(restored.sync(LIBRARY)).toEqual({ added: 0, removed: 0, kept: 5 });
  });
});
