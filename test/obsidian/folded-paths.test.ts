// The note index's lookup of paths by folded name (case and Unicode form), which holds the app's
// path strings under a number computed from the folded name: names that fold alike are one name,
// and names that merely share the number are not.
import { describe, expect, it } from 'vitest';
import { FoldedPaths } from '../../obsidian-plugin/folded-paths';

// Two names whose folded forms share the 30-bit number (found by search): a lookup must still tell them apart.
const SHARING_A = 'notes/n33212.md';
const SHARING_B = 'notes/n340600.md';

describe('FoldedPaths', () => {
  it('answers for a name in any case or Unicode form with the path held', () => {
    const paths = new FoldedPaths();
    paths.add('Papers/Café (2401.00001).md');
    expect(paths.holderOf('papers/CAFÉ (2401.00001).md')).toBe('Papers/Café (2401.00001).md');
    // "é" written as e + combining acute folds to the same name.
    expect(paths.holderOf('papers/cafe\u0301 (2401.00001).md')).toBe('Papers/Café (2401.00001).md');
    expect(paths.has('Papers/Cafe (2401.00001).md')).toBe(false);
  });

  it('keeps the first of several paths with one folded name until it goes', () => {
    const paths = new FoldedPaths();
    paths.add('A/Note.md');
    paths.add('a/note.md');
    paths.add('A/Note.md'); // already held: stays first
    expect(paths.holderOf('A/NOTE.md')).toBe('A/Note.md');
    paths.delete('A/Note.md');
    expect(paths.holderOf('A/NOTE.md')).toBe('a/note.md');
    paths.delete('a/note.md');
    expect(paths.has('A/NOTE.md')).toBe(false);
  });

  it('tells apart names that share the number, whichever is added first or removed', () => {
    const paths = new FoldedPaths();
    paths.add(SHARING_A);
    expect(paths.has(SHARING_B)).toBe(false);
    paths.add(SHARING_B);
    expect([paths.holderOf(SHARING_A), paths.holderOf(SHARING_B.toUpperCase())]).toEqual([SHARING_A, SHARING_B]);
    paths.delete(SHARING_A);
    expect([paths.holderOf(SHARING_A), paths.holderOf(SHARING_B)]).toEqual([null, SHARING_B]);
    paths.delete('notes/elsewhere.md'); // not held: nothing changes
    paths.delete(SHARING_B);
    expect(paths.has(SHARING_B)).toBe(false);
  });

  it('answers only with a holder the caller accepts, among those with the folded name', () => {
    const paths = new FoldedPaths();
    paths.add('A/Note.md');
    paths.add('a/NOTE.md');
    expect(paths.holderOf('a/note.md', (held) => held !== 'A/Note.md')).toBe('a/NOTE.md');
    expect(paths.holderOf('a/note.md', () => false)).toBeNull();
    paths.add(SHARING_A);
    expect(paths.holderOf(SHARING_B, () => true)).toBeNull();
  });
});
