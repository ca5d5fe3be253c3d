// Reading what the vault index needs from one note on disk: the identifying frontmatter keys,
// and for paper notes the library facts of Top picks. Also the crash-debris sweep.

import { open, readdir, readFile, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { factsKey } from '../catch-up/up-to-date';
import type { KeepRule } from '../notes/keep-keys';
import { couldBeKept, noteLibraryFacts } from '../notes/library-items';
import { isTempFileName, removeIfAbandonedTemp } from './atomic-file';
import { frontmatterEnd, frontmatterFacts } from './frontmatter-facts';
import type { NoteRecord } from './index-file';

/** Notes up to this size are read whole in one go (a paper note is a few kilobytes). */
const READ_WHOLE_BYTES = 256 * 1024;
/** Frontmatter longer than this is not Paper Feed's; the note is indexed as a plain note. */
const MAX_FRONTMATTER_BYTES = 1024 * 1024;

export type NoteFactsOnly = Omit<NoteRecord, 'path' | 'm' | 's'>;

/** The index's facts of a note's text (what Paper Feed itself just wrote, say). */
export function factsOfText(text: string, rules: readonly KeepRule[] | undefined, createdAt?: number): NoteFactsOnly {
  const facts = frontmatterFacts(text);
  const entry: NoteFactsOnly = {};
  if (facts.arxivId !== undefined) entry.a = facts.arxivId;
  if (facts.version !== undefined) entry.v = facts.version;
  if (facts.citekey !== undefined) entry.c = facts.citekey;
  if (facts.arxivId !== undefined) {
    const key = factsKey(text);
    if (key !== undefined) entry.x = key;
  }
  if (facts.dailyDate !== undefined) entry.d = facts.dailyDate;
  if (facts.tally !== undefined) {
    entry.g = [...facts.tally.groups];
    if (facts.tally.authors.length > 0) entry.f = [...facts.tally.authors];
  }
  if (facts.arxivId !== undefined && rules) Object.assign(entry, libraryFacts(text, rules, createdAt));
  return detached(entry);
}

/**
 * The facts with strings of their own. A value cut from the note's text (a citekey, a group's
 * name, an abstract) would otherwise keep the whole text alive, as V8 lets a slice share its
 * source's characters, and a full check holds the facts of every note in the vault at once.
 */
function detached(facts: NoteFactsOnly): NoteFactsOnly {
  return JSON.parse(JSON.stringify(facts)) as NoteFactsOnly;
}

/**
 * The index's facts of the note at `absolute` (`size` bytes by its stat); {} for a note that is
 * not Paper Feed's or is gone. A note of ordinary size is read whole in one go; a big one only up
 * to its frontmatter's end, and whole only if it is a paper note and keep rules ask.
 */
export async function readNoteFacts(absolute: string, size: number, rules: readonly KeepRule[] | undefined, createdAt?: number): Promise<NoteFactsOnly> {
  if (size <= READ_WHOLE_BYTES) {
    try {
      const text = await readFile(absolute, 'utf8');
      return /^\uFEFF?---/.test(text) ? factsOfText(text, rules, createdAt) : {};
    } catch {
      return {}; // vanished or unreadable: not one of ours this run
    }
  }
  const head = await readFrontmatterText(absolute);
  if (head === null) return {};
  const facts = factsOfText(head, undefined);
  // Only paper notes can be kept, and only they are read whole.
  if (facts.a !== undefined && rules) {
    try {
      Object.assign(facts, libraryFacts(await readFile(absolute, 'utf8'), rules, createdAt));
    } catch {
      // vanished since its frontmatter was read: not kept this run
    }
  }
  return facts;
}

function libraryFacts(text: string, rules: readonly KeepRule[], createdAt: number | undefined): Pick<NoteRecord, 'k' | 't' | 'b' | 'n'> {
  if (!couldBeKept(text, rules)) return {};
  const facts = noteLibraryFacts(text, rules);
  if (!facts.kept) return {};
  const addedAt = facts.listedAt ?? (createdAt ? Math.round(createdAt) : undefined);
  return { k: 1, t: facts.title, b: facts.abstract, ...(addedAt !== undefined ? { n: addedAt } : {}) };
}

/** The start of a note up to its frontmatter's end, read in growing chunks; null if none. */
async function readFrontmatterText(absolute: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(absolute, 'r');
    let size = 8192;
    for (;;) {
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      if (!/^\uFEFF?---/.test(text)) return null;
      const end = frontmatterEnd(text);
      // The closing line must be read whole ("---" could be the start of "----" in the next chunk).
      if (end >= 0 && (bytesRead < size || text.includes('\n', end + 1))) return text;
      if (bytesRead < size || size >= MAX_FRONTMATTER_BYTES) return null;
      size *= 4;
    }
  } catch {
    // A note that vanished or cannot be read is simply not one of ours this run.
    return null;
  } finally {
    await handle?.close();
  }
}

/** Removes temp files that crashed runs left in `folder` (the live ones stay). */
export async function removeAbandonedTemps(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) if (isTempFileName(name)) await removeStaleTemp(nodePath.join(folder, name));
}

export async function removeStaleTemp(absolute: string): Promise<void> {
  const info = await stat(absolute).catch(() => null);
  if (info) await removeIfAbandonedTemp(absolute, info.mtimeMs);
}
