// Which notes are Paper Feed's, found by frontmatter: arXiv id → paper note, listing date → daily
// note. Built once from the metadata cache, then kept current note by note from vault and cache
// events, so a run's snapshot costs nothing that grows with the vault.
import { TFolder, type App, type EventRef, type TAbstractFile, type TFile } from 'obsidian';
import { DAILY_TAG, noteFacts, readArxivId, readVersion, tagList, type NoteFacts } from '../core/notes/note-index';
import { pathKey } from '../core/vault/index-of';
import type { IndexedPaperNote, VaultIndex } from '../core/vault/store';
import { dayOf, textOf } from './frontmatter-values';
import { SnapshotMap } from './snapshot-map';

/** Told when what the index knows of a note may have changed; `from` is set when it moved there. */
export type NoteWatcher = (path: string, from?: string) => void;

export class NoteIndex {
  private readonly facts = new Map<string, NoteFacts>();
  /** Every note claiming an id (or date): a sync conflict can leave two. */
  private readonly claimsOfId = new Claims();
  private readonly claimsOfDate = new Claims();
  /** The note that stands for each id and date (the smallest path among the claims). */
  private readonly papers = new SnapshotMap<string, IndexedPaperNote>();
  private readonly dailies = new SnapshotMap<string, string>();
  /** How many indexed notes have each citekey (lower case) and each pathKey. */
  private readonly citekeys = new Map<string, number>();
  private readonly paths = new Map<string, number>();
  private readonly watchers: NoteWatcher[] = [];
  private building: Promise<void> | null = null;

  constructor(private readonly app: App) {}

  /** The events that keep the index current; the plugin registers them so unload detaches them. */
  listeners(): EventRef[] {
    const { vault, metadataCache } = this.app;
    return [
      metadataCache.on('changed', (file, _data, cache) => this.learn(file.path, cache.frontmatter)),
      vault.on('rename', (file, oldPath) => this.move(file, oldPath)),
      vault.on('delete', (file) => this.forget(file)),
    ];
  }

  /** Calls `watcher` after each change to a Paper Feed note, or to what the index holds for it. */
  onChange(watcher: NoteWatcher): void {
    this.watchers.push(watcher);
  }

  /** Builds the index on first use; notes the cache has not reached yet are read once instead. */
  ready(): Promise<void> {
    this.building ??= this.build();
    return this.building;
  }

  async snapshot(): Promise<VaultIndex> {
    await this.ready();
    // The maps are frozen views, so a run plans against one state of the vault. The two lookups
    // answer for the vault as it is when asked, which is only ever closer to the truth (and the
    // core checks a new note's path on disk before writing it).
    return {
      papers: this.papers.view(),
      dailies: this.dailies.view(),
      hasCitekey: (key) => this.citekeys.has(key.toLowerCase()),
      hasPath: (path) => this.paths.has(pathKey(path)),
    };
  }

  /** The arXiv id of the note at `path` when it is the one the index holds for that id. */
  paperIdAt(path: string): string | undefined {
    const id = this.facts.get(path)?.arxivId;
    return id !== undefined && this.papers.get(id)?.path === path ? id : undefined;
  }

  /** The path of every paper note the index holds, one per id. Walks the index. */
  paperPaths(): string[] {
    return Array.from(this.papers.values(), (note) => note.path);
  }

  /** Records a note Paper Feed just wrote, before the metadata cache gets to it. */
  noteWritten(path: string, content: string): void {
    this.remember(path, noteFacts(content));
  }

  private async build(): Promise<void> {
    const { vault, metadataCache } = this.app;
    const uncached: TFile[] = [];
    for (const file of vault.getMarkdownFiles()) {
      const cache = metadataCache.getFileCache(file);
      if (cache) this.learn(file.path, cache.frontmatter);
      else uncached.push(file);
    }
    for (const file of uncached) {
      // The cache may have caught up while we read the others.
      const cache = metadataCache.getFileCache(file);
      if (cache) {
        this.learn(file.path, cache.frontmatter);
        continue;
      }
      try {
        this.remember(file.path, noteFacts(await vault.cachedRead(file)));
      } catch {
        // Deleted while we read the others; had it been edited, the cache's event brings it in.
      }
    }
  }

  private learn(path: string, frontmatter: unknown): void {
    this.remember(path, factsOf(frontmatter));
  }

  private remember(path: string, facts: NoteFacts, from?: string): void {
    const before = this.facts.get(path);
    const after = path.endsWith('.md') && (facts.arxivId || facts.dailyDate) ? facts : undefined;
    if (!before && !after) return;
    if (!sameFacts(before, after)) {
      if (before) this.unclaim(path, before);
      if (after) this.claim(path, after);
    }
    // Even with the same facts: the library reads the note's other properties.
    this.tell(path, from);
  }

  private claim(path: string, facts: NoteFacts): void {
    this.facts.set(path, facts);
    count(this.paths, pathKey(path), 1);
    if (facts.citekey) count(this.citekeys, facts.citekey.toLowerCase(), 1);
    if (facts.arxivId) this.settlePaper(facts.arxivId, this.claimsOfId.add(facts.arxivId, path));
    if (facts.dailyDate) this.settleDaily(facts.dailyDate, this.claimsOfDate.add(facts.dailyDate, path));
  }

  private unclaim(path: string, facts: NoteFacts): void {
    this.facts.delete(path);
    count(this.paths, pathKey(path), -1);
    if (facts.citekey) count(this.citekeys, facts.citekey.toLowerCase(), -1);
    if (facts.arxivId) this.settlePaper(facts.arxivId, this.claimsOfId.remove(facts.arxivId, path));
    if (facts.dailyDate) this.settleDaily(facts.dailyDate, this.claimsOfDate.remove(facts.dailyDate, path));
  }

  /**
   * When a sync conflict leaves two notes with one id, the smaller path stands for it, so every
   * run picks the same one; the notes that gain or lose that place are announced.
   */
  private settlePaper(id: string, path: string | undefined): void {
    const held = this.papers.get(id);
    const facts = path === undefined ? undefined : this.facts.get(path);
    if (path === undefined || !facts) {
      this.papers.delete(id);
    } else if (!held || held.path !== path || held.version !== facts.version || held.citekey !== facts.citekey) {
      const note: IndexedPaperNote = { path };
      if (facts.version !== undefined) note.version = facts.version;
      if (facts.citekey !== undefined) note.citekey = facts.citekey;
      this.papers.set(id, note);
    }
    if (held && held.path !== path) this.tell(held.path);
    if (path !== undefined && held?.path !== path) this.tell(path);
  }

  private settleDaily(date: string, path: string | undefined): void {
    if (path === undefined) this.dailies.delete(date);
    else if (this.dailies.get(date) !== path) this.dailies.set(date, path);
  }

  private move(file: TAbstractFile, oldPath: string): void {
    const moves: Array<[string, string]> = [[oldPath, file.path]];
    // A folder move carries every note inside it along (the app may also report each note).
    if (file instanceof TFolder) {
      for (const path of this.facts.keys()) if (path.startsWith(`${oldPath}/`)) moves.push([path, file.path + path.slice(oldPath.length)]);
    }
    for (const [from, to] of moves) {
      const facts = this.facts.get(from);
      if (!facts) continue;
      this.remember(from, {});
      this.remember(to, facts, from);
    }
  }

  private tell(path: string, from?: string): void {
    for (const watcher of this.watchers) watcher(path, from);
  }

  private forget(file: TAbstractFile): void {
    const paths = [file.path];
    if (file instanceof TFolder) for (const path of this.facts.keys()) if (path.startsWith(`${file.path}/`)) paths.push(path);
    for (const path of paths) this.remember(path, {});
  }
}

function sameFacts(a: NoteFacts | undefined, b: NoteFacts | undefined): boolean {
  return a?.arxivId === b?.arxivId && a?.version === b?.version && a?.citekey === b?.citekey && a?.dailyDate === b?.dailyDate && !a === !b;
}

function count(counts: Map<string, number>, key: string, by: 1 | -1): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/**
 * The notes claiming each id (or date). Nearly every id has one, held as its path; a set only
 * where a sync conflict left more. add and remove answer with the claim that now stands: the
 * smallest path, compared by code unit as the earlier full rebuild did, so the same note wins.
 */
class Claims {
  private readonly byKey = new Map<string, string | Set<string>>();

  add(key: string, path: string): string {
    const held = this.byKey.get(key);
    if (held === undefined || held === path) this.byKey.set(key, path);
    else if (typeof held === 'string') this.byKey.set(key, new Set([held, path]));
    else held.add(path);
    return this.standing(key)!;
  }

  remove(key: string, path: string): string | undefined {
    const held = this.byKey.get(key);
    if (held === path) this.byKey.delete(key);
    else if (held instanceof Set) {
      held.delete(path);
      if (held.size === 1) this.byKey.set(key, held.values().next().value!);
    }
    return this.standing(key);
  }

  private standing(key: string): string | undefined {
    const held = this.byKey.get(key);
    if (held === undefined || typeof held === 'string') return held;
    let least: string | undefined;
    for (const path of held) if (least === undefined || path < least) least = path;
    return least;
  }
}

// The core's noteFacts, over the frontmatter object the metadata cache already parsed.
function factsOf(frontmatter: unknown): NoteFacts {
  if (!frontmatter || typeof frontmatter !== 'object') return {};
  const fm = frontmatter as Record<string, unknown>;
  const facts: NoteFacts = {};
  const arxivId = readArxivId(fm.arxiv_id);
  if (arxivId) facts.arxivId = arxivId;
  const version = readVersion(fm.version);
  if (version !== undefined) facts.version = version;
  const citekey = textOf(fm.citekey);
  if (citekey) facts.citekey = citekey;
  const date = dayOf(fm.date);
  if (date && tagList(fm.tags).includes(DAILY_TAG)) facts.dailyDate = date;
  return facts;
}
