// Which notes are Paper Feed's, found by frontmatter: arXiv id → paper note, listing date → daily
// note. Built once from the metadata cache, then kept current note by note from vault and cache
// events, so a run's snapshot costs nothing that grows with the vault.
import { TFile, TFolder, type App, type CachedMetadata, type EventRef, type TAbstractFile } from 'obsidian';
import { factsOfFrontmatter, noteFacts, type NoteFacts } from '../core/notes/note-facts';
import { originalFirst, type Duplicate, type NoteClaim } from '../core/vault/originals';
import type { IndexedPaperNote, VaultIndex } from '../core/vault/store';
import { CitekeyCounts } from './citekey-counts';
import { FoldedPaths } from './folded-paths';
import { NoteStamp } from './note-stamp';
import { Claims } from './note-claims';
import { SnapshotMap } from './snapshot-map';
import { talliesByDate } from '../core/notes/digest-tally';

/** Told when what the index knows of a note may have changed; `from` is set when it moved there. */
export type NoteWatcher = (path: string, from?: string) => void;

/**
 * How long a fetch waits for the metadata cache to read notes that were created or changed (by
 * sync, say) since the index last looked; after that it reads them itself.
 */
export const CACHE_WAIT_MS = 2000;

export class VaultNoteIndex {
  private readonly facts = new Map<string, NoteFacts>();
  /** Every note claiming an id (or date): a sync conflict can leave two. */
  private readonly claimsOfId = new Claims(
    (paths) => this.original(paths),
    (id) => this.papers.get(id)?.path,
  );
  private readonly claimsOfDate = new Claims(
    (paths) => this.original(paths),
    (date) => this.dailies.get(date),
  );
  /** The note that stands for each id and date (the original among the claims, see originals.ts). */
  private readonly papers = new SnapshotMap<string, IndexedPaperNote>();
  private readonly dailies = new SnapshotMap<string, string>();
  /** The citekeys of the indexed notes, in any case. */
  private readonly citekeys = new CitekeyCounts();
  private readonly watchers: NoteWatcher[] = [];
  private building: Promise<void> | null = null;
  /** The stamp of the paper notes as the build found them (note-stamp.ts), or null. */
  private stampAtBuild: NoteStamp | null = null;
  private lateWatcher = false;
  /**
   * True while the build takes in the notes the metadata cache has: nobody is told of them one by
   * one (the library looks at every paper note on its first run anyway).
   */
  private quiet = false;
  /**
   * Every file and folder's path, looked up by folded name (case and Unicode form); the indexed
   * notes are among them (the notes in `facts`), so hasPath asks here too.
   */
  private readonly names = new FoldedPaths();
  /** Notes created or changed that the metadata cache has not read since. */
  private readonly unread = new Set<string>();
  /** Called when `unread` empties. */
  private caughtUpWaiters: Array<() => void> = [];

  constructor(private readonly app: App) {}

  /** The events that keep the index current; the plugin registers them so unload detaches them. */
  listeners(): EventRef[] {
    const { vault, metadataCache } = this.app;
    return [
      metadataCache.on('changed', (file, data, cache) => {
        this.remember(file.path, cachedFacts(cache) ?? noteFacts(data));
        this.markRead(file.path);
      }),
      vault.on('create', (file) => {
        this.name(file.path, true);
        if (isNote(file)) this.markUnread(file.path);
      }),
      vault.on('modify', (file) => {
        if (isNote(file)) this.markUnread(file.path);
      }),
      vault.on('rename', (file, oldPath) => {
        this.name(oldPath, false);
        this.name(file.path, true);
        if (this.unread.has(oldPath)) this.markUnread(file.path);
        this.markRead(oldPath);
        this.move(file, oldPath);
      }),
      vault.on('delete', (file) => {
        this.name(file.path, false);
        this.markRead(file.path);
        this.forget(file);
      }),
    ];
  }

  /**
   * What holds `path`'s name once case and Unicode form are folded (a note, any file, a folder),
   * or null: on macOS, Windows, iOS and Android, and any vault synced to them, those are one name.
   */
  holderOf(path: string): string | null {
    return this.names.holderOf(path);
  }

  /** Calls `watcher` after each change to a Paper Feed note, or to what the index holds for it. */
  onChange(watcher: NoteWatcher): void {
    // A watcher that came after the build began may have missed a change since: no stamp for anyone.
    if (this.building) this.lateWatcher = true;
    this.watchers.push(watcher);
  }

  /** Builds the index on first use; notes the cache has not reached yet are read once instead. */
  ready(): Promise<void> {
    this.building ??= this.build();
    return this.building;
  }

  async snapshot(): Promise<VaultIndex> {
    await this.ready();
    // The app reports a change after the operation has resolved: a note the person moved just
    // now is told of on the next turn of the event loop. Let that turn come before planning.
    await new Promise<void>((resolve) => window.setTimeout(resolve, 0));
    await this.catchUp();
    // The maps are frozen views, so a run plans against one state of the vault. The two lookups
    // answer for the vault as it is when asked, which is only ever closer to the truth (and the
    // core checks a new note's path on disk before writing it).
    const dailies = this.dailies.view();
    return {
      papers: this.papers.view(),
      dailies,
      tallies: talliesByDate(dailies, (path) => this.facts.get(path)?.tally),
      hasCitekey: (key) => this.citekeys.has(key),
      hasPath: (path) => this.names.holderOf(path, (held) => this.facts.has(held)) !== null,
      paperClaims: (id) => this.claimsOfId.all(id),
      dailyClaims: (date) => this.claimsOfDate.all(date),
    };
  }

  /** Every paper and digest that several notes claim, the one kept up to date first. */
  async duplicates(): Promise<Duplicate[]> {
    await this.ready();
    await this.catchUp();
    return [
      ...this.claimsOfId.contested().map(([id, paths]) => ({ what: `arXiv:${id}`, paths })),
      ...this.claimsOfDate.contested().map(([date, paths]) => ({ what: `the digest of ${date}`, paths })),
    ];
  }

  /** Of several notes claiming one id or date, the original: see core/vault/originals.ts. */
  private original(paths: Iterable<string>): string {
    const { vault, metadataCache } = this.app;
    const dailies = [...this.dailies.values()];
    const claims: NoteClaim[] = Array.from(paths, (path) => {
      const createdMs = vault.getFileByPath(path)?.stat.ctime;
      const linked = dailies.some((daily) => (metadataCache.resolvedLinks[daily]?.[path] ?? 0) > 0);
      return { path, linked, ...(createdMs ? { createdMs } : {}) };
    });
    return originalFirst(claims)[0]!.path;
  }

  /**
   * Waits (at most CACHE_WAIT_MS) until the metadata cache has read every note created or changed
   * since the index last looked, then reads what it still has not: a fetch right after sync
   * brought notes in must see them, or it writes a second note beside each.
   */
  private async catchUp(): Promise<void> {
    if (this.unread.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = window.setTimeout(done, CACHE_WAIT_MS);
        function done() {
          window.clearTimeout(timer);
          resolve();
        }
        this.caughtUpWaiters.push(done);
      });
    }
    for (const path of [...this.unread]) {
      const file = this.app.vault.getFileByPath(path);
      this.unread.delete(path);
      if (!file) continue;
      try {
        this.remember(path, noteFacts(await this.app.vault.read(file)));
      } catch {
        // Gone while we read; its delete event has told the index.
      }
    }
  }

  private markUnread(path: string): void {
    this.unread.add(path);
  }

  private markRead(path: string): void {
    if (!this.unread.delete(path) || this.unread.size > 0) return;
    const waiters = this.caughtUpWaiters;
    this.caughtUpWaiters = [];
    for (const done of waiters) done();
  }

  private name(path: string, present: boolean): void {
    if (present) void this.names.add(path);
    else this.names.delete(path);
  }

  /** The arXiv id of the note at `path` when it is the one the index holds for that id. */
  paperIdAt(path: string): string | undefined {
    const id = this.facts.get(path)?.arxivId;
    return id !== undefined && this.papers.get(id)?.path === path ? id : undefined;
  }

  /** The path and id of every paper note the index holds, one per id. Walks the index. */
  paperNotes(): Array<[string, string]> {
    return Array.from(this.papers.entries(), ([id, note]): [string, string] => [note.path, id]);
  }

  /**
   * The stamp (note-stamp.ts) of every note that claimed an arXiv id when the index was built, by
   * path, mtime and size; null when the build read notes the metadata cache had not reached, or
   * when a watcher came after the build began. Each change since has told the watchers.
   */
  async paperStampAtBuild(): Promise<NoteStamp | null> {
    await this.ready();
    return this.lateWatcher ? null : this.stampAtBuild;
  }

  /** Records a note Paper Feed just wrote, before the metadata cache gets to it. */
  noteWritten(path: string, content: string): void {
    this.name(path, true);
    this.remember(path, noteFacts(content));
  }

  private async build(): Promise<void> {
    const { vault, metadataCache } = this.app;
    // One walk names every file and finds the notes, keeping each note's folded-name number for its stamp.
    const notes: TFile[] = [];
    const slots: number[] = [];
    for (const entry of vault.getAllLoadedFiles()) {
      if (entry.path === '/' || entry.path === '') continue;
      const slot = this.names.add(entry.path);
      if (entry instanceof TFile && entry.extension === 'md') {
        notes.push(entry);
        slots.push(slot);
      }
    }
    const uncached: TFile[] = [];
    const stamp = new NoteStamp();
    // Nearly always nothing is indexed yet (no cache event came first), and the vault names each
    // note once: every note is new here, so none is looked up before it is claimed, and each id is
    // set to its note without asking who held it. Two notes with one id (a sync conflict) show as
    // fewer ids than notes claiming one; then the ids are settled again, one note at a time.
    const fresh = this.facts.size === 0;
    let idClaims = 0;
    this.quiet = true;
    try {
      for (let i = 0; i < notes.length; i += 1) {
        const file = notes[i]!;
        const cache = metadataCache.getFileCache(file);
        const facts = cache ? cachedFacts(cache) : undefined;
        if (!facts) {
          uncached.push(file);
          continue;
        }
        if (facts.arxivId) stamp.add(slots[i]!, file.stat.mtime, file.stat.size);
        if (!fresh) this.remember(file.path, facts);
        else if (claims(file.path, facts)) {
          this.claim(file.path, facts, true);
          if (facts.arxivId) idClaims += 1;
        }
      }
      if (fresh && this.papers.size !== idClaims) {
        this.papers.clear();
        for (const [path, facts] of this.facts) if (facts.arxivId) this.claimId(path, facts.arxivId, facts);
      }
    } finally {
      this.quiet = false;
    }
    // A note read here rather than from the cache is not in the stamp: the library looks at every note.
    this.stampAtBuild = uncached.length === 0 ? stamp : null;
    for (const file of uncached) {
      // The cache may have caught up while we read the others.
      const cache = metadataCache.getFileCache(file);
      const facts = cache ? cachedFacts(cache) : undefined;
      if (facts) {
        this.remember(file.path, facts);
        continue;
      }
      try {
        this.remember(file.path, noteFacts(await vault.cachedRead(file)));
        this.markRead(file.path);
      } catch {
        // Deleted while we read the others; had it been edited, the cache's event brings it in.
      }
    }
  }

  private remember(path: string, facts: NoteFacts, from?: string): void {
    const before = this.facts.get(path);
    const after = claims(path, facts) ? facts : undefined;
    if (!before && !after) return;
    if (!sameFacts(before, after)) {
      if (before) this.unclaim(path, before);
      if (after) this.claim(path, after);
    } else if (after) {
      // A daily note's tally may have changed with the same claims.
      this.facts.set(path, after);
    }
    // Even with the same facts: the library reads the note's other properties.
    this.tell(path, from);
  }

  /**
   * `seeding`: the build's first walk over an empty index, which sets each id's note without
   * asking who held it (see build); anything else settles each id as it comes.
   */
  private claim(path: string, facts: NoteFacts, seeding = false): void {
    this.facts.set(path, facts);
    if (facts.citekey) this.citekeys.add(facts.citekey);
    if (facts.arxivId) {
      if (seeding) this.papers.seed(facts.arxivId, indexedNote(path, facts));
      else this.claimId(path, facts.arxivId, facts);
    }
    if (facts.dailyDate) this.settleDaily(facts.dailyDate, this.claimsOfDate.add(facts.dailyDate, path));
  }

  private claimId(path: string, id: string, facts: NoteFacts): void {
    // Looked up once for both.
    const held = this.papers.get(id);
    const standing = this.claimsOfId.addBeside(id, path, held?.path);
    this.settlePaper(id, standing, standing === path ? facts : undefined, held);
  }

  private unclaim(path: string, facts: NoteFacts): void {
    this.facts.delete(path);
    if (facts.citekey) this.citekeys.delete(facts.citekey);
    if (facts.arxivId) this.settlePaper(facts.arxivId, this.claimsOfId.remove(facts.arxivId, path));
    if (facts.dailyDate) this.settleDaily(facts.dailyDate, this.claimsOfDate.remove(facts.dailyDate, path));
  }

  /**
   * When a sync conflict leaves two notes with one id, the smaller path stands for it, so every
   * run picks the same one; the notes that gain or lose that place are announced.
   */
  private settlePaper(id: string, path: string | undefined, factsOfPath?: NoteFacts, held = this.papers.get(id)): void {
    const facts = factsOfPath ?? (path === undefined ? undefined : this.facts.get(path));
    if (path === undefined || !facts) {
      this.papers.delete(id);
    } else if (held?.path !== path || held.version !== facts.version || held.citekey !== facts.citekey) {
      this.papers.set(id, indexedNote(path, facts));
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
    if (this.quiet) return;
    for (const watcher of this.watchers) watcher(path, from);
  }

  private forget(file: TAbstractFile): void {
    const paths = [file.path];
    if (file instanceof TFolder) for (const path of this.facts.keys()) if (path.startsWith(`${file.path}/`)) paths.push(path);
    for (const path of paths) this.remember(path, {});
  }
}

/** The note at `path` stands for a paper or a listing date: a Markdown note with an id or a daily note's date. */
function claims(path: string, facts: NoteFacts): boolean {
  return path.endsWith('.md') && Boolean(facts.arxivId || facts.dailyDate);
}

function isNote(file: TAbstractFile): boolean {
  return file instanceof TFile && file.extension === 'md';
}

/**
 * The note as the index hands it out, with only the keys it has. Built in one literal, so the
 * engine holds its fields inside the object (added one by one, 50,000 of them each carried a
 * separate property store).
 */
function indexedNote(path: string, { version, citekey }: NoteFacts): IndexedPaperNote {
  if (version !== undefined) return citekey !== undefined ? { path, version, citekey } : { path, version };
  return citekey !== undefined ? { path, citekey } : { path };
}

function sameFacts(a: NoteFacts | undefined, b: NoteFacts | undefined): boolean {
  return a?.arxivId === b?.arxivId && a?.version === b?.version && a?.citekey === b?.citekey && a?.dailyDate === b?.dailyDate && !a === !b;
}

/**
 * The core's reader over the frontmatter the metadata cache already parsed; undefined when the
 * note has a frontmatter block the cache could not parse (the person broke its YAML), which the
 * core then reads from the text: a paper note is still found by its arxiv_id line.
 */
function cachedFacts(cache: CachedMetadata): NoteFacts | undefined {
  if (cache.frontmatter) {
    const facts = factsOfFrontmatter(cache.frontmatter);
    // The id as the cache holds it when it is written bare (nearly always): the cache keeps that
    // string anyway, so an index of 50,000 notes keeps no second copy of each id.
    const written: unknown = cache.frontmatter.arxiv_id;
    if (typeof written === 'string' && facts.arxivId === written) facts.arxivId = written;
    return facts;
  }
  return cache.frontmatterPosition ? undefined : {};
}
