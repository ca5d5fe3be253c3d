// Writes one announcement into a vault: selects, plans (pure), then applies the plan through a
// VaultStore. It reads only the notes the run touches, found through the store's index.

import type { Announcement, SkippedItem } from '../arxiv/paper';
import type { PaperFeedConfig } from '../config';
import { PaperFeedError, isPaperFeedError } from '../errors';
import { selectPapers } from '../select/select';
import type { IndexedPaperNote, VaultIndex, VaultStore } from '../vault/store';
import { FrontmatterError } from './frontmatter';
import { notesToRead, planNoteWrites, type PlannedNote } from './plan';

export interface WriteReport {
  /** The announcement's listing date, YYYY-MM-DD. */
  date: string;
  announcedAt: string;
  /** Papers matched by at least one group. */
  matched: number;
  perGroup: Array<{ name: string; count: number }>;
  /** Paths of paper notes created, and of paper notes changed. */
  created: string[];
  updated: string[];
  /** Paper notes that needed no change. */
  unchanged: number;
  /** Path of the daily note, and what happened to it. */
  dailyNote: string;
  dailyNoteChange: 'created' | 'updated' | 'unchanged';
  /** arXiv ids of the replacements listed under "Updated". */
  updatedPapers: string[];
  /** Items the reader could not use, and notes left alone because they could not be changed safely. */
  skipped: SkippedItem[];
}

export interface WriteOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

// New paper notes could collide with files the index does not know (the person's own notes);
// each round moves colliding notes to their next name. Two rounds settle any real vault.
const NAMING_ROUNDS = 4;

export async function writeAnnouncement(
  announcement: Announcement,
  config: PaperFeedConfig,
  store: VaultStore,
  options: WriteOptions = {},
): Promise<WriteReport> {
  const { signal, onProgress } = options;
  const fullIndex = await store.index();
  const selection = selectPapers(announcement, config, fullIndex.papers);

  const existing = new Map<string, string>();
  const vanished = new Set<string>();
  for (const path of notesToRead(selection, fullIndex, announcement.date)) {
    const text = await store.read(path);
    if (text !== null) existing.set(path, text);
    else vanished.add(path);
  }
  const index = withoutPaths(fullIndex, vanished);

  let plan: PlannedNote[] = [];
  const taken = new Set<string>();
  for (let round = 0; round < NAMING_ROUNDS; round += 1) {
    plan = planNoteWrites({ announcement, config, selection, index, existing, taken });
    let clashes = 0;
    for (const note of plan) {
      if (note.kind === 'create' && (await store.exists(note.path))) {
        taken.add(note.path);
        clashes += 1;
      }
    }
    if (clashes === 0) break;
  }

  const report: WriteReport = {
    date: announcement.date,
    announcedAt: announcement.announcedAt,
    matched: selection.matched.length,
    perGroup: selection.groups.map((g) => ({ name: g.name, count: g.papers.length })),
    created: [],
    updated: [],
    unchanged: 0,
    dailyNote: '',
    dailyNoteChange: 'unchanged',
    updatedPapers: selection.updated.filter((p) => index.papers.has(p.id)).map((p) => p.id),
    skipped: [...announcement.skipped],
  };

  const total = plan.filter((n) => n.kind !== 'unchanged').length;
  let done = 0;
  onProgress?.(0, total);
  for (const note of plan) {
    if (note.skipReason) report.skipped.push({ ref: note.arxivId ?? note.path, reason: note.skipReason });
    let change: 'created' | 'updated' | 'unchanged' = 'unchanged';
    if (note.kind !== 'unchanged') {
      if (signal?.aborted) {
        throw new PaperFeedError('cancelled', `Stopped after ${done} of ${total} notes because the run was cancelled; run again to write the rest.`);
      }
      change = await apply(note, store, report);
      done += 1;
      onProgress?.(done, total);
    }
    if (note.role === 'daily') {
      report.dailyNote = note.path;
      report.dailyNoteChange = change;
    } else if (change === 'created') report.created.push(note.path);
    else if (change === 'updated') report.updated.push(note.path);
    else report.unchanged += 1;
  }
  return report;
}

async function apply(note: PlannedNote, store: VaultStore, report: WriteReport): Promise<'created' | 'updated' | 'unchanged'> {
  try {
    if (note.kind === 'create') {
      await store.create(note.path, note.content);
      return 'created';
    }
    const { before, reapply } = note;
    let written = false;
    await store.process(note.path, (current) => {
      // The person may have edited the note since it was read: redo the change on their text.
      const next = current === before || !reapply ? note.content : reapply(current);
      written = next !== current;
      return next;
    });
    return written ? 'updated' : 'unchanged';
  } catch (e) {
    if (e instanceof FrontmatterError) {
      report.skipped.push({ ref: note.arxivId ?? note.path, reason: `${note.path} was left as it is because ${e.message}; fix it and run again.` });
      return 'unchanged';
    }
    if (isPaperFeedError(e)) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new PaperFeedError('vault', `Could not write ${note.path} (${reason.replace(/\.$/, '')}); check that the vault is writable and run again.`);
  }
}

/** The index without notes that vanished between indexing and reading, so they are written anew. */
function withoutPaths(index: VaultIndex, vanished: ReadonlySet<string>): VaultIndex {
  if (vanished.size === 0) return index;
  const papers = new Map<string, IndexedPaperNote>([...index.papers].filter(([, note]) => !vanished.has(note.path)));
  const dailies = new Map([...index.dailies].filter(([, path]) => !vanished.has(path)));
  return { papers, dailies };
}
