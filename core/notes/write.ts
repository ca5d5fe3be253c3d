// Writes one announcement into a vault: selects, ranks by the person's library (Top picks, when
// the host keeps a library cache), plans (pure), then applies the plan through a VaultStore. It
// reads only the notes the run touches, found through the store's index.

import type { Announcement, Paper, SkippedItem } from '../arxiv/paper';
import type { PaperEnrichment } from '../enrich/enrich';
import type { DailyOverview } from '../enrich/overview';
import { librarySource, type PaperFeedConfig } from '../config';
import { PaperFeedError, isPaperFeedError } from '../errors';
import { selectPapersCancellably, type Selection } from '../select/select';
import { pathKey } from '../vault/index-of';
import type { Duplicate } from '../vault/originals';
import type { PaperUpdate } from './published-and-updated';
import type { IndexedPaperNote, VaultIndex, VaultStore } from '../vault/store';
import { FrontmatterError } from './frontmatter';
import { loadLibrary, refreshZotero, type LibraryCache, type ZoteroLibrarySource } from './library-source';
import { notesToRead, planNoteWrites, type PlanInput, type PlannedNote } from './plan';
import { atMost, NoteFinder, type Planner } from './settle-names';
import { orderedByRelevance, rankAnnouncement, type AnnouncementRanking } from './top-picks';

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
  /** The run's papers (and digest) that several notes claim, the one kept up to date first. */
  duplicates: Duplicate[];
  /** The "Top picks", when the run ranked the announcement and picks are on. */
  topPicks?: TopPicksReport;
}

export interface TopPicksReport {
  /** The library had too few papers to rank by (fewer than 5): keyword order stood. */
  coldStart: boolean;
  librarySize: number;
  /** arXiv ids of the picks, best first. */
  picks: string[];
  /** How many picks no keyword group matched (each got a note of its own). */
  beyondGroups: number;
}

export interface WriteOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * Translations and TL;DRs for the run's papers, by arXiv id: called once, after
   * selection, with the matched and updated papers (not at all when there are none). The host
   * wraps enrichPapers; it resolves with what it got, however little, and never blocks the notes.
   */
  enrich?: (papers: Paper[], signal?: AbortSignal) => Promise<ReadonlyMap<string, PaperEnrichment>>;
  /** The day's overview for the matched papers (in group order), when there is one; never waits for a model. */
  overview?: (matched: Paper[]) => Promise<DailyOverview | undefined>;
  /**
   * How many notes may be read or written at the same time (default 1: one after another). A
   * store on a real disk waits for each flush; waiting for several at once costs little more than
   * waiting for one (FILE_SYSTEM_WRITES_AT_ONCE). The first paper note and the daily note are
   * always written alone: the first makes the folder, the daily note links to all the others.
   */
  writesAtOnce?: number;
  /**
   * Top picks and relevance order, when the config asks for them (topPicks above 0 or
   * orderGroupsByRelevance): where the library's index is kept between runs (NO_LIBRARY_CACHE for
   * none). Without it nothing is ranked.
   */
  library?: LibraryCache;
  /**
   * The running Zotero, on desktop hosts: when the library source is "zotero" it is
   * refreshed once, feeds Top picks, and gives new paper notes the citation keys it holds.
   */
  zotero?: ZoteroLibrarySource;
  /** What the catch-up check changed since the last daily note, listed under "Published and updated". */
  catchUp?: readonly PaperUpdate[];
}

/** What a store backed by a local disk (the CLI's) should pass as `writesAtOnce`. */
export const FILE_SYSTEM_WRITES_AT_ONCE = 16;

export async function writeAnnouncement(
  announcement: Announcement,
  config: PaperFeedConfig,
  store: VaultStore,
  options: WriteOptions = {},
): Promise<WriteReport> {
  const { signal, onProgress } = options;
  const ranks = options.library !== undefined && (config.topPicks > 0 || config.orderGroupsByRelevance);
  const fullIndex = await store.index(ranks ? { keepKeys: config.library.keepKeys } : {});
  let selection = await selectPapersCancellably(announcement, config, fullIndex.papers, signal);
  let ranking: AnnouncementRanking | undefined;
  const libraryProblems: SkippedItem[] = [];
  const zotero = librarySource(config.library) === 'zotero' ? options.zotero : undefined;
  if (zotero) await refreshZotero(zotero, libraryProblems);
  const knownCitekeys = zotero ? await zotero.citekeys() : undefined;
  const inZotero = zotero ? await zotero.itemKeys() : undefined;
  if (ranks && options.library) {
    const library = await loadLibrary(store, config, fullIndex.library ?? [], options.library, zotero);
    libraryProblems.push(...library.problems);
    ranking = rankAnnouncement(announcement, config, selection, library.index);
    if (config.orderGroupsByRelevance) selection = orderedByRelevance(selection, ranking.result);
  }
  const withNotes = new Set([...selection.matched, ...selection.updated].map((p) => p.id));
  const picks = (ranking?.picks ?? []).map((item) => item.paper).filter((paper) => !withNotes.has(paper.id));
  const toEnrich = [...selection.matched, ...picks, ...selection.updated];
  const enrichments = options.enrich && toEnrich.length > 0 ? await options.enrich(toEnrich, signal) : undefined;
  const overview = options.overview && selection.matched.length > 0 ? await options.overview(inGroupOrder(selection)) : undefined;

  const atOnce = Math.max(1, Math.floor(options.writesAtOnce ?? 1));
  const existing = new Map<string, string>();
  const vanished = new Set<string>();
  const toRead = notesToRead(selection, fullIndex, announcement.date, picks);
  const texts = new Map<string, string | null>();
  await atMost(atOnce, toRead, async (path) => {
    texts.set(path, await store.read(path));
  });
  for (const path of toRead) {
    const text = texts.get(path) ?? null;
    if (text !== null) existing.set(path, text);
    else vanished.add(path);
  }
  const finder = new NoteFinder(store, withoutPaths(fullIndex, vanished), announcement.date, existing, atOnce);
  const duplicates = await finder.chooseOriginals(toEnrich.map((paper) => paper.id));
  const planFor: Planner = (index, taken) =>
    planNoteWrites({
      announcement,
      config,
      selection,
      index,
      existing,
      taken,
      ...(enrichments ? { enrichments } : {}),
      ...(overview ? { overview } : {}),
      ...(knownCitekeys ? { knownCitekeys } : {}),
      ...(inZotero ? { inZotero } : {}),
      ...(options.catchUp ? { catchUp: options.catchUp } : {}),
      ...rankedParts(ranking, picks, config),
      ...resolverOf(store),
    });
  let plan = await finder.settle(planFor);
  const index = finder.index();

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
    skipped: [...announcement.skipped, ...libraryProblems],
    duplicates,
  };
  if (ranking && config.topPicks > 0) {
    const { coldStart, librarySize } = ranking.result;
    report.topPicks = { coldStart, librarySize, picks: ranking.picks.map((item) => item.paper.id), beyondGroups: picks.length };
  }

  let done = 0;
  let total = plan.filter((n) => n.kind !== 'unchanged').length;
  const changes = new Map<string, Change>();
  const skippedWhileWriting = new Map<string, SkippedItem[]>();
  const clashed: PlannedNote[] = [];
  const write = async (note: PlannedNote) => {
    if (signal?.aborted) {
      throw new PaperFeedError('cancelled', `Stopped after ${done} of ${total} notes because the run was cancelled; run again to write the rest.`);
    }
    const skips = skippedWhileWriting.get(note.path) ?? [];
    skippedWhileWriting.set(note.path, skips);
    const outcome = await apply(note, store, skips);
    if (outcome.change === 'clashed') {
      clashed.push(note);
      return;
    }
    finder.written(note, outcome.text);
    if (outcome.change !== 'unchanged' || !changes.has(note.path)) changes.set(note.path, outcome.change);
    done += 1;
    onProgress?.(done, total);
  };
  // Something took a new note's name after it was looked at (sync, a second device): look again,
  // adopt it or step around it, and write what is left; the run never stops half done for that.
  const writeAll = async (role: PlannedNote['role']) => {
    for (let pass = 0; ; pass += 1) {
      const notes = plan.filter((n) => n.role === role && n.kind !== 'unchanged' && !changes.has(n.path));
      clashed.length = 0;
      await atMost(1, notes.slice(0, 1), write);
      await atMost(role === 'paper' ? atOnce : 1, notes.slice(1), write);
      if (clashed.length === 0) return;
      if (pass === NAMING_ROUNDS) throw keepsTaken(clashed[0]!.path);
      for (const note of clashed) await finder.look(note);
      plan = await finder.settle(planFor);
      total = done + plan.filter((n) => n.kind !== 'unchanged' && !changes.has(n.path)).length;
    }
  };
  onProgress?.(0, total);
  try {
    await writeAll('paper');
    // The paper notes are on disk for good before the daily note links to them.
    if (changes.size > 0) await store.flush?.();
    await writeAll('daily');
  } finally {
    await store.flush?.();
  }

  for (const note of plan) {
    if (note.skipReason) report.skipped.push({ ref: note.arxivId ?? note.path, reason: note.skipReason });
    report.skipped.push(...(skippedWhileWriting.get(note.path) ?? []));
    const change = changes.get(note.path) ?? 'unchanged';
    if (note.role === 'daily') {
      report.dailyNote = note.path;
      report.dailyNoteChange = change;
    } else if (change === 'created') report.created.push(note.path);
    else if (change === 'updated') report.updated.push(note.path);
    else report.unchanged += 1;
  }
  return report;
}

/** How many times a run looks again when a new note's name is taken just before it is written. */
const NAMING_ROUNDS = 3;

function keepsTaken(path: string): PaperFeedError {
  return new PaperFeedError(
    'vault',
    `Could not create "${path}": another program keeps taking that name (a sync running?). Run Paper Feed again when sync has finished.`,
  );
}

type Change = 'created' | 'updated' | 'unchanged';

/** The matched papers as the daily note lists them: group by group, each once. */
function inGroupOrder(selection: Selection): Paper[] {
  const seen = new Map<string, Paper>();
  for (const group of selection.groups) for (const paper of group.papers) if (!seen.has(paper.id)) seen.set(paper.id, paper);
  return [...seen.values()];
}

/** The app's link resolution, when the store can ask the app. */
function resolverOf(store: VaultStore): Pick<PlanInput, 'resolveLink'> {
  return store.resolveLink ? { resolveLink: (linkpath, sourcePath) => store.resolveLink!(linkpath, sourcePath) } : {};
}

/** What the plan takes from the ranking: the picks' notes, the scores and the daily note's section. */
function rankedParts(ranking: AnnouncementRanking | undefined, picks: Paper[], config: PaperFeedConfig): Pick<PlanInput, 'picks' | 'scores' | 'topPicks'> {
  if (!ranking) return {};
  if (config.topPicks === 0) return { scores: ranking.scores };
  const { coldStart, librarySize } = ranking.result;
  return { picks, scores: ranking.scores, topPicks: { coldStart, librarySize, picks: ranking.picks } };
}

type Outcome = { change: Change; text: string } | { change: 'clashed' };

/** Obsidian's text, which every store uses for a taken name. */
const FILE_EXISTS = 'File already exists.';

async function apply(note: PlannedNote, store: VaultStore, skipped: SkippedItem[]): Promise<Outcome> {
  try {
    if (note.kind === 'create') {
      await store.create(note.path, note.content);
      return { change: 'created', text: note.content };
    }
    const { before, reapply } = note;
    // Typed wide: TypeScript does not see the callback below set it.
    let written = false as boolean;
    const text = await store.process(note.path, (current) => {
      // The person may have edited the note since it was read: redo the change on their text.
      const next = current === before || !reapply ? note.content : reapply(current);
      written = next !== current;
      return next;
    });
    return { change: written ? 'updated' : 'unchanged', text };
  } catch (e) {
    if (note.kind === 'create' && e instanceof Error && e.message === FILE_EXISTS) return { change: 'clashed' };
    if (e instanceof FrontmatterError) {
      skipped.push({ ref: note.arxivId ?? note.path, reason: `${note.path} was left as it is because ${e.message}; fix it and run again.` });
      return { change: 'unchanged', text: note.before ?? note.content };
    }
    if (isPaperFeedError(e)) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new PaperFeedError('vault', `Could not write ${note.path} (${reason.replace(/\.$/, '')}); check that the vault is writable and run again.`);
  }
}

/** The index without notes that vanished between indexing and reading, so they are written anew. */
function withoutPaths(index: VaultIndex, vanished: ReadonlySet<string>): VaultIndex {
  if (vanished.size === 0) return index;
  // Rare (a note deleted mid-run), so copying the maps here costs nothing in the usual run.
  const papers = new Map<string, IndexedPaperNote>([...index.papers].filter(([, note]) => !vanished.has(note.path)));
  const dailies = new Map([...index.dailies].filter(([, path]) => !vanished.has(path)));
  const gone = new Set([...vanished].map(pathKey));
  const tallies = index.tallies ? { tallies: index.tallies } : {};
  const twins = index.citekeysStartingWith ? { citekeysStartingWith: (prefix: string) => index.citekeysStartingWith!(prefix) } : {};
  return {
    papers,
    dailies,
    ...tallies,
    hasCitekey: (key) => index.hasCitekey(key),
    ...twins,
    hasPath: (path) => !gone.has(pathKey(path)) && index.hasPath(path),
  };
}
