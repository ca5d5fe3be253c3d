// The metadata cache and file manager. Like the app, the cache fills asynchronously: a note's
// frontmatter is known only some time after the vault writes it (`lagMs`), then 'changed' fires,
// then 'resolved' once nothing is left to read. Renames move the cache entry without a 'changed'
// event, as the app documents.
import { Events } from './events';
import { TFile, type TAbstractFile } from './files';
import type { Vault, DataWriteOptions } from './vault';
import { getFrontMatterInfo, parseYaml, readFrontmatter, stringifyYaml } from './yaml';
import { resolveAmong } from '../../../core/notes/link-resolution';

export interface Pos {
  start: { line: number; col: number; offset: number };
  end: { line: number; col: number; offset: number };
}
export interface HeadingCache {
  heading: string;
  level: number;
  position: Pos;
}
export interface TagCache {
  /** With its "#", as the app gives it. */
  tag: string;
  position: Pos;
}
export interface CachedMetadata {
  frontmatter?: Record<string, unknown>;
  frontmatterPosition?: Pos;
  headings?: HeadingCache[];
  /** Tags written in the body (#tag); frontmatter tags stay in `frontmatter`, as in the app. */
  tags?: TagCache[];
}

// A tag is # then letters, digits, _, - or /, after a space or at a line's start, and not only digits.
const INLINE_TAG = /(?<!\S)#([\p{L}\p{N}_\-/]+)/gu;

// Captured before any test installs fake timers, so indexing runs on real time like the app's worker.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

export class MetadataCache extends Events {
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};
  private readonly caches = new Map<string, CachedMetadata>();
  private readonly queue = new Set<TFile>();
  private held = false;
  private idleWaiters: Array<() => void> = [];
  /**
   * Test aid: how long the cache takes to read a note after the vault reports it (as after sync
   * brings in many files). Set, it runs on the current timers, so fake timers can move it; unset,
   * the cache reads each note a moment later on real time.
   */
  lagMs: number | undefined;

  constructor(private readonly vault: Vault) {
    super();
    vault.on('create', (file: TAbstractFile) => file instanceof TFile && this.enqueue(file));
    vault.on('modify', (file: TAbstractFile) => file instanceof TFile && this.enqueue(file));
    vault.on('rename', (file: TAbstractFile, oldPath: string) => {
      const cache = this.caches.get(oldPath);
      this.caches.delete(oldPath);
      if (cache) this.caches.set(file.path, cache);
    });
    vault.on('delete', (file: TAbstractFile) => {
      if (!(file instanceof TFile)) return;
      const previous = this.caches.get(file.path) ?? null;
      this.caches.delete(file.path);
      this.queue.delete(file);
      this.trigger('deleted', file, previous);
    });
  }

  getFileCache(file: TFile): CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }
  getCache(path: string): CachedMetadata | null {
    return this.caches.get(path) ?? null;
  }
  // As the app resolves a link (core/notes/link-resolution.ts holds the rule, observed on Obsidian 1.13).
  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    const path = resolveAmong(this.vault.getFiles().map((f) => f.path))(linkpath, sourcePath);
    return path === null ? null : this.vault.getFileByPath(path);
  }
  fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
    const unique = this.vault.getMarkdownFiles().filter((f) => f.name === file.name).length === 1;
    const text = unique ? file.name : file.path;
    return omitMdExtension && text.endsWith('.md') ? text.slice(0, -3) : text;
  }

  /** Test aid: stop indexing, as when the app has not caught up with freshly synced files. */
  hold(): void {
    this.held = true;
  }
  /** Test aid: resume indexing. */
  release(): void {
    this.held = false;
    for (const file of this.queue) this.schedule(file);
  }
  /** Test aid: resolves once the vault's events have fired and every queued note has been indexed. */
  async settled(): Promise<void> {
    await this.vault.eventsFired();
    if (this.queue.size === 0) return;
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private enqueue(file: TFile): void {
    this.queue.add(file);
    if (!this.held) this.schedule(file);
  }
  private schedule(file: TFile): void {
    if (this.lagMs === undefined) realSetTimeout(() => this.index(file), 1);
    else globalThis.setTimeout(() => this.index(file), this.lagMs);
  }
  private index(file: TFile): void {
    if (this.held || !this.queue.has(file)) return;
    this.queue.delete(file);
    const text = this.vault.text(file.path);
    if (text !== undefined) {
      const cache = computeCache(text);
      this.caches.set(file.path, cache);
      this.trigger('changed', file, text, cache);
      this.trigger('resolve', file);
    }
    if (this.queue.size === 0) {
      this.trigger('resolved');
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}

function computeCache(text: string): CachedMetadata {
  const cache: CachedMetadata = {};
  const info = getFrontMatterInfo(text);
  const frontmatter = readFrontmatter(text);
  if (info.exists) {
    cache.frontmatterPosition = { start: position(text, 0), end: position(text, info.contentStart) };
    if (frontmatter) cache.frontmatter = frontmatter;
  }
  const headings: HeadingCache[] = [];
  const tags: TagCache[] = [];
  const body = text.slice(info.exists ? info.contentStart : 0);
  let offset = info.exists ? info.contentStart : 0;
  let inCodeBlock = false;
  for (const line of body.split('\n')) {
    const match = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (match)
      headings.push({ heading: match[2]!, level: match[1]!.length, position: { start: position(text, offset), end: position(text, offset + line.length) } });
    if (/^\s*(```|~~~)/.test(line)) inCodeBlock = !inCodeBlock;
    else if (!inCodeBlock) {
      // Code is no tag.
      const outsideCode = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
      for (const tag of outsideCode.matchAll(INLINE_TAG)) {
        if (/^\d+$/.test(tag[1]!)) continue;
        const at = offset + tag.index;
        tags.push({ tag: tag[0], position: { start: position(text, at), end: position(text, at + tag[0].length) } });
      }
    }
    offset += line.length + 1;
  }
  if (headings.length) cache.headings = headings;
  if (tags.length) cache.tags = tags;
  return cache;
}

function position(text: string, offset: number): Pos['start'] {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, col: before[before.length - 1]!.length, offset };
}

export class FileManager {
  constructor(
    private readonly vault: Vault,
    private readonly metadataCache: MetadataCache,
  ) {}

  // The frontmatter object is whatever the YAML holds; the callback narrows it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async processFrontMatter(file: TFile, fn: (frontmatter: any) => void, options?: DataWriteOptions): Promise<void> {
    await this.vault.process(
      file,
      (text) => {
        const info = getFrontMatterInfo(text);
        const parsed: unknown = info.exists ? parseYaml(info.frontmatter) : {};
        const frontmatter = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
        const before = JSON.stringify(frontmatter);
        fn(frontmatter);
        if (JSON.stringify(frontmatter) === before && info.exists) return text;
        const yaml = Object.keys(frontmatter).length ? stringifyYaml(frontmatter) : '';
        return info.exists ? text.slice(0, info.from) + yaml + text.slice(info.to) : `---\n${yaml}---\n${text}`;
      },
      options,
    );
  }
  async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    await this.vault.rename(file, newPath);
  }
  async trashFile(file: TAbstractFile): Promise<void> {
    await this.vault.trash(file);
  }
  generateMarkdownLink(file: TFile, sourcePath: string, subpath?: string, alias?: string): string {
    const linktext = this.metadataCache.fileToLinktext(file, sourcePath, true);
    return `[[${linktext}${subpath ?? ''}${alias ? `|${alias}` : ''}]]`;
  }
  getNewFileParent(): TAbstractFile {
    return this.vault.getRoot();
  }
}
