// The catch-up check: looks the chosen paper notes up on arXiv by id, a batch per
// request through the polite client, and brings each note whose facts changed up to date. Each
// write goes through the store's process(), redone on the note's text at that moment, so an edit
// the person makes meanwhile is kept; a note whose frontmatter cannot be changed safely is left
// as it is and reported, as in a daily run.

import { IDS_PER_REQUEST, lookUpIds } from '../arxiv/id-lookup';
import { tryParseArxivId } from '../arxiv/ids';
import type { SkippedItem } from '../arxiv/paper';
import type { ArxivClient } from '../arxiv/polite';
import { PaperFeedError, isPaperFeedError } from '../errors';
import { FrontmatterError } from '../notes/frontmatter';
import { metadataText } from '../notes/note-values';
import { atMost } from '../notes/settle-names';
import type { PaperUpdate } from '../notes/published-and-updated';
import type { VaultStore } from '../vault/store';
import { refreshPaperNote } from './refresh-note';
import { paperFactsKey, plainlyUpToDate } from './up-to-date';
import { notesToCheck, shareWithNewFirst } from './which-notes';

/** Requests per run by default: 20 × 100 ids, about a minute at arXiv's pace. */
export const DEFAULT_MAX_REQUESTS = 20;

export interface CatchUpOptions {
  client: ArxivClient;
  apiBase: string;
  /** Now (ms), for which papers count as recent. */
  now: number;
  /** config.library.keepKeys: which notes are kept. */
  keepKeys: readonly string[];
  maxRequests?: number;
  batchSize?: number;
  /** Where the last capped run stopped (from the host's state), 0 at first. */
  cursor?: number;
  /** The newest paper the last check saw (from the host's state); papers after it come first. */
  newestChecked?: string;
  signal?: AbortSignal;
  /** Ids looked up so far, of this run's. */
  onProgress?: (done: number, total: number) => void;
  /**
   * How many notes may be read and rewritten at the same time (default 1). A store on a real disk
   * waits for each note's flush; several waits at once cost little more than one.
   */
  writesAtOnce?: number;
}

export interface CatchUpReport {
  /** Notes worth checking in all, and how many this run looked up (the rest wait for the next). */
  candidates: number;
  checked: number;
  requests: number;
  updates: PaperUpdate[];
  /** Notes whose id arXiv did not return: reported, never marked withdrawn. */
  missing: Array<{ id: string; path: string }>;
  skipped: SkippedItem[];
  /** For the host's state: where the next run starts. */
  nextCursor: number;
  /** For the host's state: the newest paper this check saw. */
  newestChecked?: string;
  /**
   * Set when the person cancelled while notes were being brought up to date: the notes in
   * `updates` were changed, the rest of this run's share was left as it was and is checked again
   * next time (`nextCursor` stays where this run began).
   */
  cancelled?: boolean;
}

export async function checkForUpdates(store: VaultStore, options: CatchUpOptions): Promise<CatchUpReport> {
  const batch = Math.max(1, Math.min(IDS_PER_REQUEST, options.batchSize ?? IDS_PER_REQUEST));
  const maxRequests = Math.max(1, Math.floor(options.maxRequests ?? DEFAULT_MAX_REQUESTS));
  const index = await store.index({ keepKeys: options.keepKeys });
  const kept = (index.library ?? []).flatMap((item) => (item.id ? [item.id] : []));
  const all = notesToCheck(index.papers.keys(), kept, options.now);
  // arXiv refuses a whole request over one malformed id ("incorrect id format"): such a note is
  // named, and the others are looked up.
  const candidates = all.filter((id) => tryParseArxivId(id)?.id === id);
  const malformed = all.filter((id) => tryParseArxivId(id)?.id !== id);
  const share = shareWithNewFirst(candidates, options.cursor ?? 0, maxRequests * batch, options.newestChecked);
  const found = await lookUpIds(options.client, options.apiBase, share.ids, {
    batchSize: batch,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onBatch: (done: number, total: number) => options.onProgress?.(done, total) } : {}),
  }).catch((error: unknown) => {
    // Nothing is written before every lookup is in, so a stop here leaves every note as it was.
    if (isPaperFeedError(error) && error.kind === 'cancelled') {
      throw new PaperFeedError(
        'cancelled',
        'Stopped looking your papers up on arXiv because the check was cancelled; no note was changed, so run the check again to finish.',
      );
    }
    throw error;
  });
  const report: CatchUpReport = {
    candidates: candidates.length,
    checked: share.ids.length,
    requests: found.requests,
    updates: [],
    missing: found.missing.map((id) => ({ id, path: index.papers.get(id)?.path ?? id })),
    skipped: [
      ...malformed.map((id) => ({
        ref: id,
        reason: `${index.papers.get(id)?.path ?? id} was not checked: its arxiv_id "${id}" is not an arXiv identifier; correct it and run again`,
      })),
      ...found.skipped,
    ],
    nextCursor: share.nextCursor,
    ...(share.newestChecked ? { newestChecked: share.newestChecked } : {}),
  };
  // Each note is read, compared and (when arXiv's facts moved) rewritten on its own, several at a
  // time where the store waits on a disk; the report lists them in the order they were chosen.
  const skippedWhileWriting: Array<SkippedItem | undefined> = new Array<SkippedItem | undefined>(share.ids.length);
  const outcomes: Array<PaperUpdate | undefined> = new Array<PaperUpdate | undefined>(share.ids.length);
  const positions = share.ids.map((_, i) => i);
  await atMost(options.writesAtOnce ?? 1, positions, async (i) => {
    const id = share.ids[i]!;
    const paper = found.papers.get(id);
    const note = index.papers.get(id);
    if (!paper || !note) return;
    // Between notes, never inside one: the notes changed so far are reported, so the host can
    // still record them for the next digest.
    if (options.signal?.aborted) {
      report.cancelled = true;
      return;
    }
    // The index says the note states arXiv's facts already: not even read. (An edit in place the
    // index has not seen yet waits for its weekly full check, as it does for everything else.)
    const known = index.factsKey?.(id);
    if (known !== undefined && known === paperFactsKey(paper)) return;
    let outcome: ReturnType<typeof refreshPaperNote> | undefined;
    try {
      const text = await store.read(note.path);
      // Most notes are as the last check left them: seen at a glance, their YAML is not read.
      if (text === null || plainlyUpToDate(text, paper)) return;
      const refreshed = refreshPaperNote(text, paper);
      if (refreshed.changed.length === 0) return;
      await store.process(note.path, (current) => {
        // The text just read is refreshed already; text the person changed since is refreshed anew.
        outcome = current === text ? refreshed : refreshPaperNote(current, paper);
        return outcome.text;
      });
    } catch (e) {
      if (e instanceof FrontmatterError) {
        skippedWhileWriting[i] = { ref: id, reason: `${note.path} was left as it is because ${e.message}; fix it and run again.` };
        return;
      }
      if (isPaperFeedError(e)) throw e;
      const reason = e instanceof Error ? e.message : String(e);
      throw new PaperFeedError('vault', `Could not write ${note.path} (${reason.replace(/\.$/, '')}); check that the vault is writable and run again.`);
    }
    if (!outcome || outcome.changed.length === 0) return;
    outcomes[i] = {
      id,
      path: note.path,
      title: metadataText(paper.title),
      changed: outcome.changed,
      fromVersion: outcome.fromVersion,
      toVersion: paper.version,
      ...(paper.journalRef ? { journalRef: metadataText(paper.journalRef) } : {}),
      ...(paper.doi ? { doi: paper.doi } : {}),
      withdrawn: outcome.withdrawn,
    };
  });
  for (const update of outcomes) if (update) report.updates.push(update);
  for (const skipped of skippedWhileWriting) if (skipped) report.skipped.push(skipped);
  if (report.cancelled) {
    report.nextCursor = options.cursor ?? 0;
    if (options.newestChecked) report.newestChecked = options.newestChecked;
    else delete report.newestChecked;
  }
  await store.flush?.();
  return report;
}
