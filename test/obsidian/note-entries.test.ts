// The Top picks library's entries held in columns: each note's entry reads back exactly as it was
// set, in the order the notes came, whatever was deleted and added in between.
import { describe, expect, it } from 'vitest';
import type { NoteEntry } from '../../obsidian-plugin/library-notes-file';
import { HAS_ABSTRACT, NoteEntries, STALE, WRITTEN } from '../../obsidian-plugin/note-entries';
import { NoteStamp } from '../../obsidian-plugin/note-stamp';
import { slotOf } from '../../obsidian-plugin/folded-paths';

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

  it('keeps its stamp current through every set and delete: the same as stamping what it holds afresh', () => {
    const entries = new NoteEntries();
    for (let i = 0; i < 40; i += 1) entries.set(`n${i}.md`, plain(i));
    for (let i = 0; i < 40; i += 3) entries.delete(`n${i}.md`);
    entries.set('n1.md', { ...plain(1), s: 1 }); // changed in place
    entries.set('new.md', plain(99)); // in a row given back
    entries.delete('missing.md');
    const afresh = new NoteStamp();
    for (const [path, entry] of entries) afresh.add(path, entry.m, entry.s);
    expect(entries.stamp().saved()).toEqual(afresh.saved());
    expect(entries.stamp().count).toBe(27);
    // Unknown (adopted as null), it is worked out from the rows when asked.
    entries.adoptStamp(null);
    entries.set('later.md', plain(7));
    afresh.add('later.md', plain(7).m, plain(7).s);
    expect([entries.hasStamp(), entries.stamp().saved(), entries.hasStamp()]).toEqual([false, afresh.saved(), true]);
  });

  it('names as candidates for the library only the entries written in or with a kept part', () => {
    const entries = new NoteEntries();
    for (let i = 0; i < 20; i += 1) entries.set(`n${i}.md`, { m: i, s: i, w: i % 7 === 0 });
    entries.set('kept.md', { m: 1, s: 1, w: false, t: 'T', b: 'B' });
    entries.set('both.md', { m: 1, s: 1, w: true, l: 5 });
    entries.delete('n7.md');
    expect(entries.candidates().sort()).toEqual(['both.md', 'kept.md', 'n0.md', 'n14.md']);
  });

  it('fills from saved columns as set() would, leaving out damaged rows, and the later row of a path named twice', () => {
    const filled = new NoteEntries();
    const kept = new Map([
      [1, { t: 'T', b: 'B' }],
      [3, null],
    ]);
    expect(filled.fill(['a.md', 'b.md', 7, 'd.md', 'e.md'], [1, 2, 3, 4, 'x'], [10, 20, 30, 40, 50], [0, 1], kept)).toBe(false);
    expect(Object.fromEntries(filled)).toEqual({ 'a.md': { m: 1, s: 10, w: true }, 'b.md': { m: 2, s: 20, w: true, t: 'T', b: 'B' } });
    expect(filled.hasStamp()).toBe(false);
    expect(new NoteEntries().fill(['a.md', 'b.md'], [1, 2], [10, 20], [], new Map())).toBe(true);
    const twice = new NoteEntries();
    expect(twice.fill(['a.md', 'b.md', 'a.md'], [1, 2, 3], [10, 20, 30], [2], new Map())).toBe(false);
    expect(Object.fromEntries(twice)).toEqual({ 'a.md': { m: 3, s: 30, w: true }, 'b.md': { m: 2, s: 20, w: false } });
    expect(twice.size).toBe(2);
  });
});

describe('NoteStamp', () => {
  const stampOf = (notes: Array<[string, number, number]>) => {
    const stamp = new NoteStamp();
    for (const [path, m, s] of notes) stamp.add(path, m, s);
    return stamp;
  };
  const notes: Array<[string, number, number]> = [
    ['P/a.md', 1_733_000_000_000, 4100],
    ['P/b.md', 1_733_000_000_001, 4100],
    ['P/c.md', 1_733_000_000_000, 4101],
  ];

  it('is the same in any order, and back where it was once a note added is removed', () => {
    const stamp = stampOf(notes);
    expect(stampOf([...notes].reverse()).equals(stamp)).toBe(true);
    stamp.add('P/d.md', 5, 6);
    expect(stamp.equals(stampOf(notes))).toBe(false);
    stamp.remove('P/d.md', 5, 6);
    expect(stamp.saved()).toEqual(stampOf(notes).saved());
    expect(stamp.count).toBe(3);
  });

  it('changes with any note’s path, mtime (a fraction of a millisecond too) or size, and with a note swapped for another', () => {
    const stamp = stampOf(notes);
    const changed: Array<Array<[string, number, number]>> = [
      [['P/renamed.md', notes[0]![1], notes[0]![2]], notes[1]!, notes[2]!],
      [[notes[0]![0], notes[0]![1] + 0.5, notes[0]![2]], notes[1]!, notes[2]!],
      [[notes[0]![0], notes[0]![1], notes[0]![2] + 1], notes[1]!, notes[2]!],
      // a's and b's mtimes swapped: the same numbers, other notes.
      [[notes[0]![0], notes[1]![1], notes[0]![2]], [notes[1]![0], notes[0]![1], notes[1]![2]], notes[2]!],
      notes.slice(0, 2),
    ];
    for (const other of changed) expect(stampOf(other).equals(stamp)).toBe(false);
  });

  it('takes a path by its folded-name number (as the note index has it) and by its text alike', () => {
    const byNumber = new NoteStamp();
    byNumber.add(slotOf('P/a.md'), 1, 2);
    expect(byNumber.equals(stampOf([['P/a.md', 1, 2]]))).toBe(true);
  });

  it('reads back only a saved stamp', () => {
    const stamp = stampOf(notes);
    expect(NoteStamp.from(JSON.parse(JSON.stringify(stamp.saved())))?.equals(stamp)).toBe(true);
    for (const bad of [null, [1, 2], [1, 2, -1], [1.5, 2, 3], [2 ** 40, 2, 3], ['1', 2, 3], { a: 1 }]) expect(NoteStamp.from(bad)).toBeNull();
  });
});
