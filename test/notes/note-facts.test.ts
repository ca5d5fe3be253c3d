import { describe, expect, it } from 'vitest';
import { buildVaultIndex } from '../../core/notes/index-of-texts';
import { readArxivId, tagList } from '../../core/notes/note-facts';
import { MemoryStore } from '../../core/notes/memory-store';

describe('the vault index', () => {
  it('finds paper notes by arxiv_id and daily notes by date and tag, wherever they are', () => {
    const index = buildVaultIndex([
      ['Somewhere/renamed.md', "---\narxiv_id: '2605.00001'\nversion: 2\ncitekey: lee2026x\n---\n"],
      ['Daily/x.md', '---\ndate: 2026-05-29\ntags: [paper-feed/daily]\n---\n'],
      ['Journal/2026-05-30.md', '---\ndate: 2026-05-30\ntags: [journal]\n---\n'],
      ['plain.md', 'no frontmatter'],
      ['image.png', "---\narxiv_id: '2605.00009'\n---\n"],
    ]);
    expect([...index.papers]).toEqual([['2605.00001', { path: 'Somewhere/renamed.md', version: 2, citekey: 'lee2026x' }]]);
    expect([...index.dailies]).toEqual([['2026-05-29', 'Daily/x.md']]);
  });

  it('still finds a note whose YAML is broken elsewhere', () => {
    const index = buildVaultIndex([['n.md', "---\narxiv_id: '2605.00001'\nversion: 3\nbad: [\n---\n"]]);
    expect(index.papers.get('2605.00001')).toEqual({ path: 'n.md', version: 3 });
  });

  it('picks the first path when two notes claim one paper', () => {
    const note = "---\narxiv_id: '2605.00001'\n---\n";
    expect(
      buildVaultIndex([
        ['b.md', note],
        ['a.md', note],
      ]).papers.get('2605.00001')?.path,
    ).toBe('a.md');
  });

  it('reads ids the way people and YAML write them', () => {
    expect(readArxivId(2605.1)).toBe('2605.10000');
    expect(readArxivId(704.0001)).toBe('0704.0001');
    expect(readArxivId('arXiv:2605.00001v3')).toBe('2605.00001');
    expect(readArxivId('hep-th/9901001')).toBe('hep-th/9901001');
    expect(readArxivId(['x'])).toBeUndefined();
  });

  it('reads tags as a list or an "a, b" string', () => {
    expect(tagList('#a, b c')).toEqual(['a', 'b', 'c']);
    expect(tagList(['x', 3, '#y'])).toEqual(['x', 'y']);
  });
});

describe('MemoryStore', () => {
  it('refuses to create over an existing file, whatever the case', async () => {
    const store = new MemoryStore({ 'A/Note.md': 'x' });
    await expect(store.create('a/note.md', 'y')).rejects.toThrow('File already exists.');
    expect(await store.occupant('A/NOTE.md')).toBe('A/Note.md');
    expect(store.writes).toBe(0);
  });

  it('writes only when process changes the text', async () => {
    const store = new MemoryStore([['n.md', 'x']]);
    expect(await store.process('n.md', (t) => t)).toBe('x');
    expect(store.writes).toBe(0);
    expect(await store.process('n.md', (t) => `${t}y`)).toBe('xy');
    expect(store.writes).toBe(1);
    await expect(store.process('missing.md', (t) => t)).rejects.toThrow('File not found');
  });

  it('leaves the file as it was when the change fails', async () => {
    const store = new MemoryStore({ 'n.md': 'x' });
    await expect(
      store.process('n.md', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.files.get('n.md')).toBe('x');
  });

  it('builds its index from the frontmatter of its files', async () => {
    const store = new MemoryStore({ 'x.md': "---\narxiv_id: '2605.00001'\n---\n" });
    expect((await store.index()).papers.get('2605.00001')).toEqual({ path: 'x.md' });
    expect(await store.read('none.md')).toBeNull();
    expect(store.reads).toEqual(['none.md']);
  });
});
