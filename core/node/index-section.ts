// One section of index.txt, searched a block at a time: a search reads the few 4 KB blocks its
// binary search passes through (the first key of each block it tries is remembered), never the
// whole section, so a run's memory does not grow with the vault. Lines are `key\trest\n` in the
// sorted sections (see ./index-file.ts), plain JSON lines in the others.

/** Bytes [start, end) of the section. */
export type SectionReader = (start: number, end: number) => Buffer;

const BLOCK = 4096;
/** Blocks kept after reading: the neighbours a search or a walk reads next, and no more. */
const CACHED_BLOCKS = 32;
/** How much a walk of a whole section reads at a time. */
const SCAN_CHUNK = 1024 * 1024;

interface Line {
  bytes: Buffer;
  /** Where the line starts and ends (its newline), in `bytes`. */
  start: number;
  end: number;
  /** Where the next line starts, in the section. */
  next: number;
}

/** Where the line in bytes [start, end) has its tab (the end of its key); `end` when it has none. */
function tabIn(bytes: Buffer, start: number, end: number): number {
  const tab = bytes.indexOf(0x09, start);
  return tab < 0 || tab > end ? end : tab;
}

const tabOf = ({ bytes, start, end }: Line): number => tabIn(bytes, start, end);

const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);

export class SectionLines {
  private readonly blocks = new Map<number, Buffer>();
  /** Block number → the first line starting in it (or after): where, and its key's JSON; null past the last line. */
  private readonly firstLines = new Map<number, { at: number; key: string } | null>();
  private lastRange: { from: number; to: number; bytes: Buffer } | undefined;

  constructor(
    private readonly read: SectionReader,
    private readonly length: number,
  ) {}

  /** Each line of the section, in order. */
  *lines(): Generator<string> {
    for (let at = 0; at < this.length;) {
      const line = this.lineAt(at);
      yield line.bytes.toString('utf8', line.start, line.end);
      at = line.next;
    }
  }

  /**
   * Each line of the section, in order, as bytes: `visit(bytes, start, tab, end)` with the line's
   * key in [start, tab) and its rest in (tab, end). For walks of a whole section, which read it a
   * megabyte at a time rather than a block at a time, and decode only what they need.
   */
  scan(visit: (bytes: Buffer, start: number, tab: number, end: number) => void): void {
    let carried: Buffer | undefined;
    for (let from = 0; from < this.length; from += SCAN_CHUNK) {
      const read = this.read(from, Math.min(this.length, from + SCAN_CHUNK));
      const bytes = carried ? Buffer.concat([carried, read]) : read;
      let start = 0;
      for (let end = bytes.indexOf(0x0a); end >= 0; end = bytes.indexOf(0x0a, start)) {
        visit(bytes, start, tabIn(bytes, start, end), end);
        start = end + 1;
      }
      carried = start < bytes.length ? bytes.subarray(start) : undefined;
    }
  }

  /**
   * Each line whose key (JSON text) starts with `wanted`, as bytes (see scan): for prefix walks
   * that would otherwise decode every line they pass (a citekey's twins).
   */
  scanPrefix(wanted: string, visit: (bytes: Buffer, start: number, tab: number, end: number) => void): void {
    const ascii = isAscii(wanted) ? Buffer.from(wanted, 'latin1') : undefined;
    const inside = (bytes: Buffer, start: number, tab: number) =>
      ascii
        ? tab - start >= ascii.length && bytes.compare(ascii, 0, ascii.length, start, start + ascii.length) === 0
        : bytes.toString('utf8', start, tab).startsWith(wanted);
    // The lines run on from the first; they are read in one piece that doubles while they last,
    // rather than a 4 KB block at a time (250 twins of a citekey are some 30 KB).
    let size = BLOCK * 4;
    for (let at = this.lowerBound(wanted, ascii); at < this.length;) {
      const bytes = this.read(at, Math.min(this.length, at + size));
      let start = 0;
      for (let end = bytes.indexOf(0x0a); end >= 0; end = bytes.indexOf(0x0a, start)) {
        const tab = tabIn(bytes, start, end);
        if (!inside(bytes, start, tab)) return;
        visit(bytes, start, tab, end);
        start = end + 1;
      }
      if (start === 0 && at + bytes.length >= this.length) return; // no line ends before the section does
      at += start;
      // A line longer than the piece: read twice as much; else grow up to a few megabytes.
      size = start === 0 ? size * 2 : Math.min(size * 2, SCAN_CHUNK * 4);
    }
  }

  /** The rest (after the tab) of each line whose key is `key` (JSON text). */
  *find(wanted: string): Generator<string> {
    const ascii = isAscii(wanted) ? Buffer.from(wanted, 'latin1') : undefined;
    for (let at = this.lowerBound(wanted, ascii); at < this.length;) {
      const line = this.lineAt(at);
      const { bytes, start } = line;
      const tab = tabOf(line);
      const same = ascii
        ? tab - start === ascii.length && bytes.compare(ascii, 0, ascii.length, start, tab) === 0
        : bytes.toString('utf8', start, tab) === wanted;
      if (!same) return;
      yield bytes.toString('utf8', tab + 1, line.end);
      at = line.next;
    }
  }

  /** Each line whose key (JSON text) starts with `wanted`, as [key, rest]. */
  *withPrefix(wanted: string): Generator<[string, string]> {
    for (let at = this.lowerBound(wanted, undefined); at < this.length;) {
      const line = this.lineAt(at);
      const tab = tabOf(line);
      const key = line.bytes.toString('utf8', line.start, tab);
      if (!key.startsWith(wanted)) return;
      yield [key, line.bytes.toString('utf8', tab + 1, line.end)];
      at = line.next;
    }
  }

  /**
   * Where the first line whose key is not below `wanted` starts, in the order the section was
   * sorted in (JavaScript's, by UTF-16 units): the blocks are bisected by their first keys, then
   * the lines between two of those. Against an ASCII key, comparing UTF-8 bytes gives that same
   * order (the two differ only between two non-ASCII characters), so ids, citekeys and path
   * hashes are looked up without decoding a line; other keys decode each line passed.
   */
  private lowerBound(wanted: string, ascii: Buffer | undefined): number {
    let low = 0;
    let high = Math.ceil(this.length / BLOCK);
    while (low < high) {
      const middle = (low + high) >>> 1;
      const first = this.firstLineOf(middle);
      if (first !== null && first.key < wanted) low = middle + 1;
      else high = middle;
    }
    // The line sought starts after the first line of block low - 1 and by the first of block low.
    const from = low === 0 ? 0 : this.firstLineOf(low - 1)!.at;
    const to = this.firstLineOf(low)?.at ?? this.length;
    return from >= to ? from : from + lowerBoundIn(this.bytesBetween(from, to), wanted, ascii);
  }

  /**
   * Bytes `from` to `to` of the section, from the cached blocks when they hold them. The last
   * range is kept: searches for neighbouring keys (a citekey's next free suffix) fall in it.
   */
  private bytesBetween(from: number, to: number): Buffer {
    if (this.lastRange?.from === from && this.lastRange.to === to) return this.lastRange.bytes;
    const first = Math.floor(from / BLOCK);
    const last = Math.floor(Math.max(from, to - 1) / BLOCK);
    const head = last - first > 1 ? undefined : this.block(first).subarray(from - first * BLOCK, to - first * BLOCK);
    const bytes = !head ? this.read(from, to) : last === first ? head : Buffer.concat([head, this.block(last).subarray(0, to - last * BLOCK)]);
    this.lastRange = { from, to, bytes };
    return bytes;
  }

  private firstLineOf(block: number): { at: number; key: string } | null {
    let first = this.firstLines.get(block);
    if (first === undefined) {
      // The line that starts after the block's first byte (the first line, for block 0): found in the block itself.
      const at = block === 0 ? 0 : this.newlineFrom(block * BLOCK) + 1;
      if ((block > 0 && at === 0) || at >= this.length) first = null;
      else {
        const line = this.lineAt(at);
        first = { at, key: line.bytes.toString('utf8', line.start, tabOf(line)) };
      }
      this.firstLines.set(block, first);
    }
    return first;
  }

  /** The section offset of the first newline at or after `from`; -1 when there is none. */
  private newlineFrom(from: number): number {
    for (let block = Math.floor(from / BLOCK); block * BLOCK < this.length; block += 1) {
      const start = Math.max(0, from - block * BLOCK);
      const found = this.block(block).indexOf(0x0a, start);
      if (found >= 0) return block * BLOCK + found;
    }
    return -1;
  }

  /** The line starting at `at`, joined from the blocks it spans. */
  private lineAt(at: number): Line {
    const first = Math.floor(at / BLOCK);
    const offset = at - first * BLOCK;
    let bytes = this.block(first);
    let end = bytes.indexOf(0x0a, offset);
    let start = offset;
    let next = first * BLOCK + end + 1;
    if (end < 0) {
      const end0 = this.newlineFrom((first + 1) * BLOCK);
      next = end0 < 0 ? this.length : end0 + 1;
      bytes = this.read(at, end0 < 0 ? this.length : end0);
      start = 0;
      end = bytes.length;
    }
    return { bytes, start, end, next };
  }

  private block(number: number): Buffer {
    let bytes = this.blocks.get(number);
    if (bytes) {
      this.blocks.delete(number); // kept, as the one used last
    } else {
      bytes = this.read(number * BLOCK, Math.min(this.length, (number + 1) * BLOCK));
      if (this.blocks.size >= CACHED_BLOCKS) this.blocks.delete(this.blocks.keys().next().value!);
    }
    this.blocks.set(number, bytes);
    return bytes;
  }
}

/** In `bytes` (whole lines of a sorted section), where the first line whose key is not below `wanted` starts. */
function lowerBoundIn(bytes: Buffer, wanted: string, ascii: Buffer | undefined): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const lineStart = middle === 0 ? 0 : Math.max(low, bytes.lastIndexOf(0x0a, middle - 1) + 1);
    const lineEnd = bytes.indexOf(0x0a, lineStart);
    const tab = bytes.indexOf(0x09, lineStart);
    const keyEnd = tab < 0 || (lineEnd >= 0 && tab > lineEnd) ? (lineEnd < 0 ? bytes.length : lineEnd) : tab;
    const below = ascii ? bytes.compare(ascii, 0, ascii.length, lineStart, keyEnd) < 0 : bytes.toString('utf8', lineStart, keyEnd) < wanted;
    if (below) low = lineEnd < 0 ? bytes.length : lineEnd + 1;
    else high = lineStart;
  }
  return low;
}
