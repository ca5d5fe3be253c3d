// index.txt as the CLI reads it: each section read from disk when a search first needs it and
// searched as bytes, so a run never holds the whole index; the answers must be those of the
// sorted text, whatever the characters in the keys.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseBytes, BaseIndex, loadBase, saveBase, type NoteRecord } from '../../core/node/index-file';
import { pathKey } from '../../core/vault/index-of';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pf-index-file-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

// Keys whose order differs between UTF-16 (how the sections are sorted) and UTF-8 bytes: an
// astral character (a surrogate pair) sorts before U+FF01 in UTF-16, after it in UTF-8.
const records: NoteRecord[] = [
  { path: 'arXiv/Papers/\u{1F600} smile (2401.00003).md', m: 3, s: 30, a: '2401.00003', v: 1, c: 'smile2024' },
  { path: 'arXiv/Papers/\uFF01 bang (2401.00002).md', m: 2, s: 20, a: '2401.00002', v: 2, c: 'Bang2024' },
  { path: 'arXiv/Papers/Plain (2401.00001).md', m: 1, s: 10, a: '2401.00001', v: 1, c: 'plain2024' },
  { path: 'arXiv/Daily/2024-01-02.md', m: 4, s: 40, d: '2024-01-02' },
  { path: 'Reading/Ünïcode kept.md', m: 5, s: 50, a: '2401.00004', v: 3, k: 1, t: 'Kept: ü', b: 'An abstract', n: 7 },
  { path: 'Notes/plain.md', m: 6, s: 60 },
];
const meta = { generation: 'g1', checkedAt: 100, folders: { '': 1 } };

async function written(): Promise<BaseIndex> {
  const path = join(folder, 'index.txt');
  await saveBase(path, baseBytes(records, meta, 4, pathKey));
  const base = await loadBase(path);
  if (!base) throw new Error('index.txt did not load');
  return base;
}

describe('index.txt read a section at a time', () => {
  it('finds every note, id and citekey, whatever its characters', async () => {
    const base = await written();
    for (const record of records) {
      const { path, ...rest } = record;
      expect([...base.find('notes', path)].map((text) => JSON.parse(text))).toEqual([rest]);
      if (record.a) expect([...base.find('ids', record.a)].map((text) => JSON.parse(text))).toEqual([[path, record.v, record.c ?? null]]);
      if (record.a && record.c) expect(base.has('citekeys', record.c.toLowerCase())).toBe(true);
    }
    expect(base.has('ids', '2401.00005')).toBe(false);
    expect(base.has('notes', 'arXiv/Papers/\u{1F600} smile.md')).toBe(false);
  });

  it('lists a folder by prefix, the recent notes newest first, and the kept ones', async () => {
    const base = await written();
    expect([...base.withPrefix('notes', 'arXiv/Papers/')].map(([key]) => JSON.parse(key))).toEqual(
      ['arXiv/Papers/\u{1F600} smile (2401.00003).md', 'arXiv/Papers/\uFF01 bang (2401.00002).md', 'arXiv/Papers/Plain (2401.00001).md'].sort(),
    );
    expect([...base.lines('recent')].map((text) => (JSON.parse(text) as NoteRecord).path)).toEqual([
      'Notes/plain.md',
      'Reading/Ünïcode kept.md',
      'arXiv/Daily/2024-01-02.md',
    ]);
    expect([...base.lines('kept')].map((text) => JSON.parse(text.slice(text.indexOf('\t') + 1)))).toEqual([
      { a: '2401.00004', t: 'Kept: ü', b: 'An abstract', n: 7 },
    ]);
    expect(base.meta.dailies).toEqual([['2024-01-02', 'arXiv/Daily/2024-01-02.md']]);
    expect(base.meta.count).toBe(records.length);
  });

  it('tells taken citekeys from free ones among many that share a start', async () => {
    const many: NoteRecord[] = Array.from({ length: 60 }, (_, i) => ({
      path: `arXiv/Papers/Wang ${i} \u{1F600}.md`,
      m: i,
      s: 1,
      a: `2401.${String(i + 10).padStart(5, '0')}`,
      v: 1,
      c: `wang2024deep${i === 0 ? '' : String.fromCharCode(96 + (i % 26 || 26)).repeat(Math.ceil(i / 26))}`,
    }));
    const base = BaseIndex.parse(baseBytes(many, meta, 0, pathKey))!;
    for (const record of many) expect(base.has('citekeys', record.c!)).toBe(true);
    expect(base.has('citekeys', 'wang2024deepkkk')).toBe(false);
    expect(base.has('citekeys', 'wang2024dee')).toBe(false);
    expect(base.has('citekeys', 'wang2024deepzzzz')).toBe(false);
    expect([...base.find('ids', '2401.00069')].map((text) => JSON.parse(text)[0])).toEqual(['arXiv/Papers/Wang 59 \u{1F600}.md']);
  });

  it('answers the same from the bytes a full check has just written', async () => {
    const bytes = baseBytes(records, meta, 4, pathKey);
    const fromMemory = BaseIndex.parse(bytes)!;
    const fromDisk = await written();
    for (const section of ['notes', 'ids', 'citekeys', 'paths', 'recent', 'kept'] as const) {
      expect([...fromMemory.lines(section)]).toEqual([...fromDisk.lines(section)]);
    }
  });

  it('stops the run, rather than mix two indexes, when index.txt is replaced under it', async () => {
    const base = await written();
    expect(base.has('ids', '2401.00001')).toBe(true); // the ids section is read now
    await saveBase(join(folder, 'index.txt'), baseBytes(records, { ...meta, generation: 'g2' }, 4, pathKey));
    expect(base.has('ids', '2401.00002')).toBe(true); // already in hand
    expect(() => base.has('notes', records[0]!.path)).toThrow(/was replaced while this run was using it; run Paper Feed again/);
  });

  it('reads a damaged or cut-off index as no index', async () => {
    const path = join(folder, 'index.txt');
    const bytes = baseBytes(records, meta, 4, pathKey);
    await writeFile(path, bytes.subarray(0, bytes.length - 3));
    expect(await loadBase(path)).toBeUndefined();
    await writeFile(path, 'paper-feed vault index 3\n{not json\n');
    expect(await loadBase(path)).toBeUndefined();
    expect(await loadBase(join(folder, 'missing.txt'))).toBeUndefined();
  });
});
