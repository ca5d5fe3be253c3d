// index.txt's sections searched a block at a time: every answer must be the one a search of the
// whole sorted text gives, whatever the keys' characters and however long the lines, while a
// search reads only a few blocks of a big section.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { baseBytes, BaseIndex, loadBase, writeBase, type NoteRecord } from '../../core/node/index-file';
import { SectionLines } from '../../core/node/index-section';
import { IndexView } from '../../core/node/index-view';
import { pathKey } from '../../core/vault/index-of';

// Names whose characters sort differently in UTF-16 and UTF-8, escape in JSON, or are long.
const STEMS = ['Plain', 'plain', 'Ünïcode', '\u{1F600} smile', '\uFF01 bang', 'quote " and \\ slash', 'tab\there', 'Zeta', 'a', 'ä'];
const LONG_ABSTRACT = 'A long abstract. '.repeat(700); // about 12 KB: a line across several blocks

function recordsOf(count: number): NoteRecord[] {
  return Array.from({ length: count }, (_, i): NoteRecord => {
    const stem = STEMS[i % STEMS.length]!;
    const id = `${String(2300 + (i % 17)).padStart(4, '0')}.${String((i * 7919) % 99_999).padStart(5, '0')}`;
    const folder = i % 3 === 0 ? 'arXiv/Papers' : i % 3 === 1 ? 'Reading/Ünïcode' : `Deep/${'long folder name '.repeat(20)}`;
    const record: NoteRecord = { path: `${folder}/${stem} ${i} (${id}).md`, m: 1_700_000_000_000 + i, s: 100 + i };
    if (i % 11 === 5) return { ...record, d: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}` };
    if (i % 13 === 7) return record; // a note that is not Paper Feed's
    // Every fifth id is claimed twice, by notes of different paths.
    const claimed: NoteRecord = {
      ...record,
      a: i % 5 === 0 ? `2300.${String(i % 50).padStart(5, '0')}` : id,
      v: 1 + (i % 3),
      c: `${stem.toLowerCase()}${i % 40}`,
    };
    return i % 9 === 0 ? { ...claimed, k: 1, t: `Kept ${stem}`, b: i % 18 === 0 ? LONG_ABSTRACT : 'short', n: i } : claimed;
  });
}

const records = recordsOf(3000);
const meta = { generation: 'g1', checkedAt: 100, folders: { '': 1, 'arXiv/Papers': 2 } };
const SECTIONS = ['notes', 'ids', 'citekeys', 'paths', 'recent', 'kept'] as const;

/** The answers of a search through the whole text of a section. */
function wholeSection(bytes: Buffer, section: (typeof SECTIONS)[number]): string[] {
  const header = bytes.toString('utf8', 0, bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1));
  const bodyStart = Buffer.byteLength(header) + 1;
  const { sections } = JSON.parse(header.slice(header.indexOf('\n') + 1)) as { sections: Record<string, [number, number]> };
  const [start, end] = sections[section]!;
  return bytes
    .toString('utf8', bodyStart + start, bodyStart + end)
    .split('\n')
    .slice(0, -1);
}
const keyOf = (line: string) => line.slice(0, line.indexOf('\t'));
const restOf = (line: string) => line.slice(line.indexOf('\t') + 1);

let folder: string;
let fromDisk: BaseIndex;
let bytes: Buffer;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pf-index-section-'));
  bytes = baseBytes(records, meta, 1_700_000_002_000, pathKey);
  await writeBase(join(folder, 'index.txt'), records, meta, 1_700_000_002_000, pathKey);
  fromDisk = (await loadBase(join(folder, 'index.txt')))!;
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('a section searched a block at a time', () => {
  it('is written to disk a batch at a time as it is built in memory, its header padded to the room kept for it', async () => {
    const written = await readFile(join(folder, 'index.txt'));
    const lineEnd = (b: Buffer) => b.indexOf(0x0a, b.indexOf(0x0a) + 1);
    expect(written.subarray(lineEnd(written)).equals(bytes.subarray(lineEnd(bytes)))).toBe(true);
    const header = written.toString('utf8', 0, lineEnd(written));
    expect(header.trimEnd()).toBe(bytes.toString('utf8', 0, lineEnd(bytes)));
    expect(header.length - header.trimEnd().length).toBeGreaterThan(0);
    expect(fromDisk.meta).toEqual(BaseIndex.parse(bytes)!.meta);
    expect(bytes.length).toBeGreaterThan(600_000); // notes and ids span many 4 KB blocks
  });

  it('walks every line of every section in order', () => {
    const fromMemory = BaseIndex.parse(bytes)!;
    for (const section of SECTIONS) {
      const whole = wholeSection(bytes, section);
      expect([...fromDisk.lines(section)]).toEqual(whole);
      expect([...fromMemory.lines(section)]).toEqual(whole);
    }
    expect(wholeSection(bytes, 'kept').some((line) => Buffer.byteLength(line) > 2 * 4096)).toBe(true);
  });

  it('scans every line of every section as bytes, key and rest where a search finds them', () => {
    for (const section of SECTIONS) {
      const scanned: string[] = [];
      fromDisk.scan(section, (b, start, tab, end) =>
        scanned.push(tab === end ? b.toString('utf8', start, end) : `${b.toString('utf8', start, tab)}\t${b.toString('utf8', tab + 1, end)}`),
      );
      expect(scanned).toEqual(wholeSection(bytes, section));
    }
  });

  it('scans a section of several megabytes, with lines across each megabyte read and one longer than it', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `"k${i}"\t${'x'.repeat((i * 7919) % 150)}`);
    lines.splice(20_000, 0, `"long"\t${'y'.repeat(1_300_000)}`, '"no tab here"');
    const text = Buffer.from(lines.map((line) => `${line}\n`).join(''));
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    const reads: number[] = [];
    const section = new SectionLines((start, end) => {
      reads.push(end - start);
      return text.subarray(start, end);
    }, text.length);
    const scanned: string[] = [];
    section.scan((b, start, tab, end) =>
      scanned.push(tab === end ? b.toString('utf8', start, end) : `${b.toString('utf8', start, tab)}\t${b.toString('utf8', tab + 1, end)}`),
    );
    expect(scanned).toEqual(lines);
    expect(Math.max(...reads)).toBe(1024 * 1024);
    expect(reads.length).toBe(Math.ceil(text.length / (1024 * 1024)));
  });

  it('walks the lines under a prefix across reads, one of them longer than four megabytes', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `"${i < 1000 ? 'a' : i < 2500 ? 'p' : 'z'}${String(i).padStart(5, '0')}"\t${'x'.repeat(i % 90)}`);
    lines[1800] = `"p01800"\t${'y'.repeat(5_000_000)}`;
    const text = Buffer.from(lines.map((line) => `${line}\n`).join(''));
    const section = new SectionLines((start, end) => text.subarray(start, end), text.length);
    const scanned: string[] = [];
    section.scanPrefix('"p', (b, start, tab, end) => scanned.push(`${b.toString('utf8', start, tab)}\t${b.toString('utf8', tab + 1, end)}`));
    expect(scanned).toEqual(lines.slice(1000, 2500));
    const last: string[] = [];
    section.scanPrefix('"z', (b, start, tab) => last.push(b.toString('utf8', start, tab)));
    expect(last).toEqual(lines.slice(2500).map((line) => line.slice(0, line.indexOf('\t'))));
  });

  it("gives every note's mtime and size, paths with quotes, backslashes and tabs included, without the changes laid over it", () => {
    const view = new IndexView(fromDisk, [
      { op: '-', p: records[1]!.path },
      { op: '+', r: { ...records[2]!, m: -1 } },
      { op: '+', r: { path: 'New/one.md', m: 5, s: 6 } },
    ]);
    const expected = new Map(records.map((r) => [r.path, { m: r.m, s: r.s }]));
    expected.delete(records[1]!.path);
    expected.set(records[2]!.path, { m: -1, s: records[2]!.s });
    expected.set('New/one.md', { m: 5, s: 6 });
    const keys = view.statKeys();
    expect(new Map([...keys].sort())).toEqual(new Map([...expected].sort()));
    // The names that need escapes in JSON are among them.
    expect(['"', '\\', '\t'].map((c) => records.some((r) => r.path.includes(c)))).toEqual([true, true, true]);
  });

  it("counts a citekey or name as taken while a note holding it is not removed since, whatever its path's characters", () => {
    const holders = (key: string) => records.filter((r) => r.a !== undefined && r.c?.toLowerCase() === key);
    const key = records.find((r) => r.a !== undefined && r.c !== undefined && r.path.includes('\\'))!.c!.toLowerCase();
    const all = holders(key);
    expect(all.length).toBeGreaterThan(1);
    const removed = (records: NoteRecord[]) => records.map((r) => ({ op: '-' as const, p: r.path }));
    expect(new IndexView(fromDisk).toVaultIndex(false).hasCitekey(key)).toBe(true);
    expect(new IndexView(fromDisk, removed(all.slice(1))).toVaultIndex(false).hasCitekey(key)).toBe(true);
    const none = new IndexView(fromDisk, removed(all)).toVaultIndex(false);
    expect(none.hasCitekey(key)).toBe(false);
    expect([...(none.citekeysStartingWith?.(key) ?? [])].filter((found) => found === key)).toEqual([]);
    const escaped = all.find((r) => r.path.includes('\\'))!;
    expect(none.hasPath(escaped.path)).toBe(false);
    expect(new IndexView(fromDisk).toVaultIndex(false).hasPath(escaped.path)).toBe(true);
  });

  it('finds each key there, and nothing for keys that are not', () => {
    const missing = ['', ' ', 'a', 'zzzz', '\u{1F600}', '\uFFFF', 'arXiv/Papers/', 'Plain 0 (2300.00000).m', '2300.0000', '2316.99999', '0000.00000'];
    for (const section of ['notes', 'ids', 'citekeys', 'paths'] as const) {
      const byKey = new Map<string, string[]>();
      for (const line of wholeSection(bytes, section)) byKey.set(keyOf(line), [...(byKey.get(keyOf(line)) ?? []), restOf(line)]);
      for (const key of [...[...byKey.keys()].map((json) => JSON.parse(json) as string), ...missing]) {
        const expected = byKey.get(JSON.stringify(key)) ?? [];
        expect([...fromDisk.find(section, key)]).toEqual(expected);
        expect(fromDisk.has(section, key)).toBe(expected.length > 0);
      }
    }
  });

  it('lists the notes under each folder, and under each start of a name', () => {
    const whole = wholeSection(bytes, 'notes');
    const prefixes = [
      '',
      'arXiv/',
      'arXiv/Papers/',
      'Reading/Ünïcode/',
      `Deep/${'long folder name '.repeat(20)}/`,
      'Reading/Ünïcode/\u{1F600}',
      'Nowhere/',
      'arXiv/Papers/quote "',
    ];
    for (const prefix of prefixes) {
      const wanted = JSON.stringify(prefix).slice(0, -1);
      const expected = whole.filter((line) => keyOf(line).startsWith(wanted)).map((line) => [keyOf(line), restOf(line)]);
      expect([...fromDisk.withPrefix('notes', prefix)]).toEqual(expected);
      const scanned: string[][] = [];
      fromDisk.scanPrefix('notes', prefix, (b, start, tab, end) => scanned.push([b.toString('utf8', start, tab), b.toString('utf8', tab + 1, end)]));
      expect(scanned).toEqual(expected);
    }
    // Citekeys by their start, as a new note's twins are found: ASCII and not.
    const citekeys = wholeSection(bytes, 'citekeys');
    for (const prefix of ['plain', 'plain1', 'ünïcode', '\u{1F600}', 'quote " and', 'zzz']) {
      const wanted = JSON.stringify(prefix).slice(0, -1);
      const scanned: string[] = [];
      fromDisk.scanPrefix('citekeys', prefix, (b, start, tab, end) => scanned.push(`${b.toString('utf8', start, tab)}\t${b.toString('utf8', tab + 1, end)}`));
      expect(scanned).toEqual(citekeys.filter((line) => keyOf(line).startsWith(wanted)));
    }
  });

  it('reads a few blocks of a big section for one search, not the section', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `${JSON.stringify(`key${String(i).padStart(6, '0')}`)}\t${JSON.stringify([i])}\n`);
    const section = Buffer.from(lines.join(''), 'utf8'); // about 2.5 MB
    let read = 0;
    let largest = 0;
    const lookup = new SectionLines((start, end) => {
      read += end - start;
      largest = Math.max(largest, end - start);
      return section.subarray(start, end);
    }, section.length);
    const searches: Array<[string, string[]]> = [
      ['key054321', ['[54321]']],
      ['key000000', ['[0]']],
      ['key099999', ['[99999]']],
      ['aaa', []], // before the first key
      ['zzz', []], // after the last
    ];
    for (const [key, found] of searches) {
      read = 0;
      expect([...lookup.find(JSON.stringify(key))]).toEqual(found);
      expect(read).toBeLessThanOrEqual(16 * 4096);
    }
    expect(largest).toBeLessThanOrEqual(4096);
  });
});
