// Decides, without touching the vault, what every note should contain after a run: which paper
// notes to create or update and what the daily note says. Applying the plan is write.ts's job.

import type { Announcement, Paper } from '../arxiv/paper';
import { makeCitekey, type TakenCitekeys } from '../cite/citekey';
import { librarySource, type PaperFeedConfig } from '../config';
import type { Selection } from '../select/select';
import { pathKey } from '../vault/index-of';
import type { VaultIndex } from '../vault/store';
import { renderDailyNote, updateDailyNote, type DailyNoteInput } from './daily-note';
import type { DailyOverview } from '../enrich/overview';
import type { Enrichments } from './enrichment-markdown';
import { FrontmatterError } from './frontmatter';
import { metadataText } from './note-values';
import { titleForFileName } from '../text/tex-tokens';
import { renderPaperNote, updatePaperNote, type PaperNoteFacts } from './paper-note';
import { FALLBACK_NOTE_NAME, joinVaultPath, noteFileName, utf8Length } from './sanitize';
import type { TopPicksView } from './top-picks';
import type { LinkResolver } from './link-resolution';
import type { PaperUpdate } from './published-and-updated';
import { tallyOfSelection } from './digest-tally';
import { trendsOf } from './trends';

export interface PlannedNote {
  path: string;
  kind: 'create' | 'update' | 'unchanged';
  /** The note's full text after the run. */
  content: string;
  role: 'paper' | 'daily';
  arxivId?: string;
  /** For updates: the text the plan was made from… */
  before?: string;
  /** …and the same change made on a newer text, should the note change before it is written. */
  reapply?: (current: string) => string;
  /** Set (on an 'unchanged' note) when the note could not be changed safely, saying why. */
  skipReason?: string;
}

export interface PlanInput {
  announcement: Announcement;
  config: PaperFeedConfig;
  selection: Selection;
  index: VaultIndex;
  /** Texts of the existing notes the run touches (see notesToRead), by path. */
  existing: ReadonlyMap<string, string>;
  /** Other files known to exist where a new note might go (compared case-insensitively). */
  taken?: Iterable<string>;
  /** This run's translations and TL;DRs by arXiv id; absent when enrichment is off. */
  enrichments?: Enrichments;
  /** The day's machine-written overview, when there is one. */
  overview?: DailyOverview;
  /** Top picks no group matched: they get notes like matched papers, with no keywords. */
  picks?: readonly Paper[];
  /** arXiv id → relevance score for the `score` key, for the papers this run ranked. */
  scores?: ReadonlyMap<string, number>;
  /** The daily note's "Top picks" section, when it has one. */
  topPicks?: TopPicksView;
  /**
   * arXiv id → the citation key the person already cites the paper with (Zotero): a new
   * note takes it unless another note has it. A note's own key, once written, always stays.
   */
  knownCitekeys?: ReadonlyMap<string, string>;
  /** arXiv id → Zotero item key for the papers already in the person's Zotero. */
  inZotero?: ReadonlyMap<string, string>;
  /** Where a link leads in the vault, when the host can ask the app (Obsidian). */
  resolveLink?: LinkResolver;
  /** What the catch-up check changed, for the daily note's "Published and updated". */
  catchUp?: readonly PaperUpdate[];
}

/** The existing notes a run needs to read: those of the selected papers (and `picks`) and the daily note. */
export function notesToRead(selection: Selection, index: VaultIndex, date: string, picks: readonly Paper[] = []): string[] {
  const paths = [...selection.matched, ...picks, ...selection.updated].flatMap((p) => {
    const known = index.papers.get(p.id);
    return known ? [known.path] : [];
  });
  const daily = index.dailies.get(date);
  return [...new Set(daily ? [...paths, daily] : paths)];
}

/** The key people already cite the paper with, when no other note has it; else a new one. */
function citekeyFor(paper: Paper, taken: TakenCitekeys, known: ReadonlyMap<string, string> | undefined): string {
  const theirs = known?.get(paper.id);
  return theirs !== undefined && !taken.has(theirs) ? theirs : makeCitekey(paper, taken);
}

/** The citekeys starting with `prefix` that this run gave out or the index holds, in lower case. */
function twinsOf(prefix: string, claimed: ReadonlySet<string>, index: VaultIndex): string[] {
  const mine = [...claimed].map((key) => key.toLowerCase()).filter((key) => key.startsWith(prefix));
  return [...mine, ...(index.citekeysStartingWith?.(prefix) ?? [])];
}

/** Papers first (matched in arXiv order, then the other top picks, then updated), the daily note last. */
export function planNoteWrites(input: PlanInput): PlannedNote[] {
  const { announcement, config, selection, index, existing, enrichments } = input;
  const { notes: plannedNotes, notePaths, dailyPath } = planPaperNotes(input);
  const tally = tallyOfSelection(selection, config.groups);
  const trends = trendsOf(
    announcement.date,
    tally,
    config.groups.map((g) => g.name),
    index.tallies,
  );
  const daily: DailyNoteInput = {
    announcement,
    selection,
    notePaths,
    tally,
    followsAnyone: config.groups.some((g) => (g.authors ?? []).length > 0),
    ...(trends ? { trends } : {}),
    path: dailyPath,
    ...(input.resolveLink ? { resolveLink: input.resolveLink } : {}),
    ...(enrichments ? { enrichments } : {}),
    ...(input.overview ? { overview: input.overview } : {}),
    ...(input.topPicks ? { topPicks: input.topPicks } : {}),
    ...(input.catchUp && input.catchUp.length > 0 ? { catchUp: input.catchUp } : {}),
    ...(librarySource(config.library) === 'zotero' ? { zoteroLinks: input.inZotero ?? new Map<string, string>() } : {}),
  };
  const dailyText = existing.get(dailyPath);
  plannedNotes.push(
    dailyText === undefined
      ? { path: dailyPath, kind: 'create', content: renderDailyNote(daily), role: 'daily' }
      : planUpdate(dailyPath, dailyText, 'daily', (t) => updateDailyNote(t, daily)),
  );
  return plannedNotes;
}

/**
 * The paper notes of a run, without its daily note (VS Code's "Open or Create Paper Note" needs
 * no more): each note's write, where each paper's note is, and the path of the daily note they link to.
 */
export function planPaperNotes(input: PlanInput): { notes: PlannedNote[]; notePaths: Map<string, string>; dailyPath: string } {
  const { announcement, config, selection, index, existing, enrichments, scores } = input;
  const picks = input.picks ?? [];
  const picked = new Set(picks.map((p) => p.id));
  // Paths and citekeys this run has given out, on top of the index's; the index is asked, never
  // walked, so a run's cost follows the announcement rather than the vault.
  const planned = new Set([...(input.taken ?? [])].map(pathKey));
  const occupied = { has: (key: string) => planned.has(key) || index.hasPath(key), add: (key: string) => planned.add(key) };
  const claimed = new Set<string>();
  const citekeys = {
    has: (key: string) => claimed.has(key.toLowerCase()) || index.hasCitekey(key),
    ...(index.citekeysStartingWith ? { startingWith: (prefix: string) => twinsOf(prefix, claimed, index) } : {}),
    add: (key: string) => claimed.add(key),
  };

  const knownDaily = index.dailies.get(announcement.date);
  const dailyPath =
    knownDaily !== undefined && existing.has(knownDaily)
      ? knownDaily
      : freePath(config.folders.daily, [announcement.date, `${announcement.date} arXiv`], occupied);
  // Bare links earlier versions wrote go to the digest the index knows for their date.
  const digestPathOf = (name: string) => {
    const known = index.dailies.get(name.slice(0, 10));
    return known !== undefined && baseName(known).toLowerCase() === name.toLowerCase() ? known : joinVaultPath(config.folders.daily, `${name}.md`);
  };

  const plannedNotes: PlannedNote[] = [];
  const notePaths = new Map<string, string>();
  for (const paper of [...selection.matched, ...picks, ...selection.updated]) {
    const known = index.papers.get(paper.id);
    const text = known ? existing.get(known.path) : undefined;
    const keywords = selection.groupsOf.get(paper.id) ?? [];
    const enrichment = enrichments?.get(paper.id);
    const score = scores?.get(paper.id);
    const extras = { ...(enrichment ? { enrichment } : {}), ...(score !== undefined ? { score } : {}) };
    if (known && text !== undefined) {
      const citekey = known.citekey ?? claim(citekeyFor(paper, citekeys, input.knownCitekeys), citekeys);
      const facts: PaperNoteFacts = { citekey, keywords, digests: [dailyPath], digestPathOf, ...extras };
      plannedNotes.push(planUpdate(known.path, text, 'paper', (t) => updatePaperNote(t, paper, facts), paper.id));
      notePaths.set(paper.id, known.path);
    } else if (!known && (selection.groupsOf.has(paper.id) || picked.has(paper.id))) {
      // Only matched papers and top picks get new notes; a replacement of a paper without a note is ignored.
      const path = freePath(config.folders.papers, candidateNames(paper, config), occupied);
      const citekey = claim(citekeyFor(paper, citekeys, input.knownCitekeys), citekeys);
      const content = renderPaperNote(paper, { citekey, keywords, digests: [dailyPath], ...extras });
      plannedNotes.push({ path, kind: 'create', content, role: 'paper', arxivId: paper.id });
      notePaths.set(paper.id, path);
    }
  }
  return { notes: plannedNotes, notePaths, dailyPath };
}

function planUpdate(path: string, before: string, role: 'paper' | 'daily', reapply: (current: string) => string, arxivId?: string): PlannedNote {
  const ids = arxivId ? { arxivId } : {};
  try {
    const content = reapply(before);
    const kind = content === before ? 'unchanged' : 'update';
    return { path, kind, content, role, ...ids, before, reapply };
  } catch (e) {
    if (!(e instanceof FrontmatterError)) throw e;
    const skipReason = `${path} was left as it is because ${e.message}; fix it and run again.`;
    return { path, kind: 'unchanged', content: before, role, ...ids, skipReason };
  }
}

/** Names to try for a new paper note, best first: the configured style, then with the id. */
function candidateNames(paper: Paper, config: PaperFeedConfig): string[] {
  const title = titleForFileName(metadataText(paper.title));
  const titleName = noteFileName(title);
  const idName = noteFileName(paper.id);
  const base =
    config.paperNoteName === 'id'
      ? idName
      : config.paperNoteName === 'id-title'
        ? noteFileName(`${paper.id} ${title}`)
        : titleName === FALLBACK_NOTE_NAME && title !== FALLBACK_NOTE_NAME
          ? idName
          : titleName;
  // Two papers with one title (or a person's note of that name) keep apart by the id.
  const suffix = ` (${idName})`;
  const withId = `${noteFileName(base, 180 - utf8Length(suffix))}${suffix}`;
  return base === idName ? [base] : [base, withId];
}

/** The first candidate whose path is free, else the last one numbered (" 2", " 3", …). */
function freePath(folder: string, names: readonly string[], occupied: KeySet): string {
  const paths = names.map((name) => joinVaultPath(folder, `${name}.md`));
  let found = paths.find((p) => !occupied.has(pathKey(p)));
  const last = names[names.length - 1]!;
  for (let n = 2; found === undefined; n += 1) {
    const path = joinVaultPath(folder, `${last} ${n}.md`);
    if (!occupied.has(pathKey(path))) found = path;
  }
  occupied.add(pathKey(found));
  return found;
}

function claim(key: string, taken: KeySet): string {
  taken.add(key.toLowerCase());
  return key;
}

/** Keys asked about and added to: a run's own claims over the index's. */
interface KeySet {
  has(key: string): boolean;
  add(key: string): unknown;
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/i, '');
}
