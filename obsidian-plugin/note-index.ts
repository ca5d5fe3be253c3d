// Which notes are Paper Feed's, found by frontmatter: arXiv id → paper note, listing date → daily
// note. Built once from the metadata cache and kept current by vault and cache events, so a run
// never reads every note's text and a renamed or moved note is still found.
import { TFolder, type App, type EventRef, type TAbstractFile, type TFile } from 'obsidian';
import { DAILY_TAG, noteFacts, readArxivId, readVersion, tagList, type NoteFacts } from '../core/notes/note-index';
import type { IndexedPaperNote, VaultIndex } from '../core/vault/store';
import { dayOf, textOf } from './frontmatter-values';
import { indexOfMaps } from '../core/vault/index-of';

export class NoteIndex {
  private readonly facts = new Map<string, NoteFacts>();
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

  /** Builds the index on first use; notes the cache has not reached yet are read once instead. */
  ready(): Promise<void> {
    this.building ??= this.build();
    return this.building;
  }

  async snapshot(): Promise<VaultIndex> {
    await this.ready();
    const papers = new Map<string, IndexedPaperNote>();
    const dailies = new Map<string, string>();
    // When a sync conflict leaves two notes with one id (or date), the smaller path wins, so every
    // run picks the same one.
    for (const [path, facts] of this.facts) {
      const { arxivId, dailyDate } = facts;
      const known = arxivId ? papers.get(arxivId) : undefined;
      if (arxivId && (!known || path < known.path)) {
        const note: IndexedPaperNote = { path };
        if (facts.version !== undefined) note.version = facts.version;
        if (facts.citekey !== undefined) note.citekey = facts.citekey;
        papers.set(arxivId, note);
      }
      const knownDaily = dailyDate ? dailies.get(dailyDate) : undefined;
      if (dailyDate && (knownDaily === undefined || path < knownDaily)) dailies.set(dailyDate, path);
    }
    return indexOfMaps(papers, dailies);
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
      if (cache) this.learn(file.path, cache.frontmatter);
      else this.remember(file.path, noteFacts(await vault.cachedRead(file)));
    }
  }

  private learn(path: string, frontmatter: unknown): void {
    this.remember(path, factsOf(frontmatter));
  }

  private remember(path: string, facts: NoteFacts): void {
    if (path.endsWith('.md') && (facts.arxivId || facts.dailyDate)) this.facts.set(path, facts);
    else this.facts.delete(path);
  }

  private move(file: TAbstractFile, oldPath: string): void {
    const moves: Array<[string, string]> = [[oldPath, file.path]];
    // A folder move carries every note inside it along.
    if (file instanceof TFolder) {
      for (const path of this.facts.keys()) if (path.startsWith(`${oldPath}/`)) moves.push([path, file.path + path.slice(oldPath.length)]);
    }
    for (const [from, to] of moves) {
      const facts = this.facts.get(from);
      if (!facts) continue;
      this.facts.delete(from);
      if (to.endsWith('.md')) this.facts.set(to, facts);
    }
  }

  private forget(file: TAbstractFile): void {
    this.facts.delete(file.path);
    if (file instanceof TFolder) for (const path of [...this.facts.keys()]) if (path.startsWith(`${file.path}/`)) this.facts.delete(path);
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
