// The Top picks library's entries held in columns: each note's entry reads back exactly as it was
// set, in the order the notes came, whatever was deleted and added in between.
import { describe, expect, it } from 'vitest';
import type { NoteEntry } from '../../obsidian-plugin/library-notes-file';
import { HAS_ABSTRACT, NoteEntries, STALE, WRITTEN } from '../../obsidian-plugin/note-entries';

const plain = (i: number): NoteEntry => ({ m: 1_733_000_000_123.5 + i, s: 4000 + i, w: i % 3 === 0 });

describe('NoteEntries', () => {
  it('gives back every entry as set, kept notes with their title, abstract and date, in the order the notes came', () => {
    const entries = new NoteEntries();
    for (let i = 0; i < 40; i += 1) entries.set(`n${i}.md`, plain(i)); // past the first columns' 16 rows
    entries.set('kept.md', { m: 5, s: 6, w: false, t: 'A title', b: 'An abstract', l: 1_700_000_000_000 });
    entries.set('n3.md', { ...plain(3), t: 'Kept now', b: '' });
    expect(entries.size).toBe(41);
    expect(entries.get('n39.md')).toEqual(plain(39));
    expect(entries.get('kept.md')).toEqual({ m: 5, s: 6, w: false, t: 'A title', b: 'An abstract', l: 1_700_000_000_000 });
    expect(entries.get('n3.md')).toEqual({ ...plain(3), t: 'Kept now', b: '' });
    expect(entries.get('missing.md')).toBeUndefined();
    expect(JSON.stringify(Object.fromEntries(entries)).startsWith('{"n0.md":{"m":1733000000123.5,"s":4000,"w":true},"n1.md"')).toBe(true);
    expect([...entries.keys()].slice(-2)).toEqual(['n39.md', 'kept.md']);
  });

  it('drops a deleted note and its kept part; a row given back is used again by a new note, listed last', () => {
    const entries = new NoteEntries();
    entries.set('a.md', { m: 1, s: 1, w: true, t: 'A', b: 'a' });
    entries.set('b.md', plain(2));
    expect(entries.delete('a.md')).toBe(true);
    expect(entries.delete('a.md')).toBe(false);
    entries.set('c.md', { m: 3, s: 3, w: false });
    expect([...entries]).toEqual([
      ['b.md', plain(2)],
      ['c.md', { m: 3, s: 3, w: false }],
    ]);
    // The note no longer kept: set without its kept part, it has none.
    entries.set('b.md', { m: 9, s: 9, w: false, t: 'B' });
    entries.set('b.md', { m: 9, s: 9, w: false });
    expect(entries.get('b.md')).toEqual({ m: 9, s: 9, w: false });
    entries.clear();
    expect([entries.size, entries.has('c.md')]).toEqual([0, false]);
    entries.set('d.md', plain(4));
    expect([...entries]).toEqual([['d.md', plain(4)]]);
  });

  it('says whether an entry matches the note as it is now (mtime and size), and whether it is written in or holds an abstract', () => {
    const entries = new NoteEntries();
    entries.set('plain.md', { m: 10, s: 100, w: false });
    entries.set('written.md', { m: 11, s: 110, w: true });
    entries.set('kept.md', { m: 12, s: 120, w: false, t: 'T', b: '' });
    entries.set('titled.md', { m: 13, s: 130, w: true, t: 'T' });
    expect(['plain.md', 'written.md', 'kept.md', 'titled.md'].map((path, i) => entries.current(path, 10 + i, 100 + 10 * i))).toEqual([
      0,
      WRITTEN,
      HAS_ABSTRACT,
      WRITTEN,
    ]);
    expect([entries.current('plain.md', 10, 101), entries.current('plain.md', 11, 100), entries.current('missing.md', 10, 100)]).toEqual([STALE, STALE, STALE]);
    // Set again without its kept part, the note holds no abstract any more.
    entries.set('kept.md', { m: 12, s: 120, w: false });
    expect(entries.current('kept.md', 12, 120)).toBe(0);
  });

  it('lists, after a pass, the entries it never touched (neither asked about nor set)', () => {
    const entries = new NoteEntries();
    for (const path of ['a.md', 'b.md', 'c.md', 'd.md']) entries.set(path, plain(1));
    entries.startPass();
    expect(entries.current('a.md', 0, 0)).toBe(STALE); // asked about, though changed since
    entries.set('c.md', plain(2));
    entries.set('e.md', plain(3)); // new during the pass
    entries.delete('d.md');
    expect(entries.untouched()).toEqual(['b.md']);
    entries.startPass();
    expect(entries.untouched()).toEqual(['a.md', 'b.md', 'c.md', 'e.md']);
  });
});
