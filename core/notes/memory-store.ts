// A vault held in memory, for tests and previews. It behaves like Obsidian's vault where that
// matters: "File already exists." on create, atomic process(), paths that collide without
// regard to case (as on macOS and Windows), and an index built from frontmatter.

import { buildVaultIndex } from './index-of-texts';
import { keepRules } from './keep-keys';
import { libraryItemOf, noteLibraryFacts } from './library-items';
import type { IndexOptions, VaultIndex, VaultStore } from '../vault/store';

export class MemoryStore implements VaultStore {
  readonly files = new Map<string, string>();
  /** Files created or changed so far (a process() that changes nothing is not a write). */
  writes = 0;
  /** Every path read, in order, so tests can see a run reads only what it needs. */
  readonly reads: string[] = [];

  constructor(initial: Iterable<readonly [string, string]> | Record<string, string> = []) {
    const entries = Symbol.iterator in initial ? initial : Object.entries(initial);
    for (const [path, text] of entries) this.files.set(path, text);
  }

  async index(options: IndexOptions = {}): Promise<VaultIndex> {
    const index = buildVaultIndex(this.files);
    if (!options.keepKeys) return index;
    // A memory vault has no file dates: only a note's digests date it.
    const rules = keepRules(options.keepKeys);
    const library = [...index.papers].flatMap(([id, note]) => {
      const facts = noteLibraryFacts(this.files.get(note.path) ?? '', rules);
      return facts.kept ? [libraryItemOf(id, note.path, facts)] : [];
    });
    return { ...index, library };
  }

  async read(path: string): Promise<string | null> {
    this.reads.push(path);
    return this.files.get(path) ?? null;
  }

  async occupant(path: string): Promise<string | null> {
    return this.actualPath(path) ?? null;
  }

  async create(path: string, content: string): Promise<void> {
    if (this.actualPath(path) !== undefined) throw new Error('File already exists.');
    this.files.set(path, content);
    this.writes += 1;
  }

  async process(path: string, fn: (current: string) => string): Promise<string> {
    const current = this.files.get(path);
    if (current === undefined) throw new Error(`File not found: ${path}`);
    const next = fn(current);
    if (next !== current) {
      this.files.set(path, next);
      this.writes += 1;
    }
    return next;
  }

  /** Moves a note the way a person renames it in the app (for tests of rename safety). */
  rename(from: string, to: string): void {
    const text = this.files.get(from);
    if (text === undefined) throw new Error(`File not found: ${from}`);
    if (this.actualPath(to) !== undefined && to.toLowerCase() !== from.toLowerCase()) throw new Error('File already exists.');
    this.files.delete(from);
    this.files.set(to, text);
  }

  private actualPath(path: string): string | undefined {
    const key = path.normalize('NFC').toLowerCase();
    for (const existing of this.files.keys()) if (existing.normalize('NFC').toLowerCase() === key) return existing;
    return undefined;
  }
}
