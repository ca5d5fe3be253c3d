// The person's library as a term index that grows and shrinks one paper at a time and
// survives in a host's cache as JSON, so a run tokenises only what changed since the last.

import { newPostingsScratch, postingsText, readPostings, type PostingsScratch } from './library-postings-text';
import { countTerms, phrasesOfPaper } from './tokenize';

/** A paper the person has kept: a paper note they wrote in or marked, or a .bib/CSL-JSON entry. */
export interface LibraryItem {
  /**
   * Stable id. Use the arXiv id without version for papers that have one, so a kept paper
   * announced again is not ranked as close to itself. Otherwise a citekey or note path;
   * defaults to noteName, then title.
   */
  id?: string;
  title: string;
  abstract: string;
  /** Read from .bib / CSL-JSON for the host's use; scoring uses only title and abstract. */
  authors?: string[];
  /** The note's name, for [[links]] in reasons. */
  noteName?: string;
  /** When it joined the library (ms since epoch); recent additions weigh more. */
  addedAt?: number;
}

/** What the ranker needs of one library paper; the text itself is not kept. */
export interface LibraryDoc {
  id: string;
  title: string;
  noteName?: string;
  addedAt?: number;
  /** Hash of title and abstract: tells a host whether the cached entry is still current. */
  fingerprint: string;
  /** Term ids, ascending. */
  termIds: Int32Array;
  /** Weighted occurrences of each term in termIds (title words count twice). */
  counts: Uint16Array;
}

/** Every library posting grouped by term (compressed sparse rows), rebuilt only after a change. */
export interface LibraryPostings {
  docs: readonly LibraryDoc[];
  /** Postings of term t are positions offsets[t] .. offsets[t + 1] - 1. */
  offsets: Int32Array;
  docPositions: Int32Array;
  /** Sublinear term frequency 1 + ln(count) of each posting. */
  termFrequencies: Float32Array;
}

/** Bump when tokenising changes: a cache written by another analyser is dropped, not misread. */
export const ANALYZER_VERSION = 1;

/** Bump when the cache's layout changes: a cache in another layout is dropped, not misread. */
export const LIBRARY_CACHE_LAYOUT = 2;

interface LibraryJson {
  format: 'paper-feed-library';
  layout: number;
  analyzer: number;
  terms: string[];
  /** `id` is left out when it is the one idOf would give (noteName, else title). */
  docs: Array<{ id?: string; title: string; noteName?: string; addedAt?: number; fingerprint: string; postings: string }>;
}

/** FNV-1a over title and abstract: cheap, stable across runs and platforms. */
export function fingerprintOf(item: Pick<LibraryItem, 'title' | 'abstract'>): string {
  // Hashes title, '\n', abstract in turn: the same value as hashing them joined, without the copy.
  let hash = fnv1a(0x811c9dc5, item.title);
  hash = Math.imul(hash ^ 10, 0x01000193);
  hash = fnv1a(hash, item.abstract);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function fnv1a(start: number, text: string): number {
  let hash = start;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

export function idOf(item: LibraryItem): string {
  return item.id ?? item.noteName ?? item.title;
}

export class LibraryIndex {
  private readonly termIdByText = new Map<string, number>();
  private readonly termTexts: string[] = [];
  private readonly documentFrequency: number[] = [];
  private readonly docs = new Map<string, LibraryDoc>();
  private compiled: LibraryPostings | undefined;

  get size(): number {
    return this.docs.size;
  }

  /** Number of library papers that contain `term` (a stem, or two stems joined by a space). */
  documentFrequencyOf(term: string): number {
    const id = this.termIdByText.get(term);
    return id === undefined ? 0 : this.documentFrequency[id]!;
  }

  /** The id postings use for a term; undefined when no library paper ever had it. */
  termId(term: string): number | undefined {
    return this.termIdByText.get(term);
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  get(id: string): LibraryDoc | undefined {
    return this.docs.get(id);
  }

  /** Add a paper, or replace the one with the same id. Returns the id used. */
  add(item: LibraryItem): string {
    const id = idOf(item);
    const counts = countTerms(phrasesOfPaper(item.title, item.abstract));
    const entries = [...counts].map(([term, count]) => [this.internTerm(term), count] as const).sort((a, b) => a[0] - b[0]);
    this.insert({
      id,
      title: item.title,
      ...(item.noteName !== undefined ? { noteName: item.noteName } : {}),
      ...(item.addedAt !== undefined ? { addedAt: item.addedAt } : {}),
      fingerprint: fingerprintOf(item),
      termIds: Int32Array.from(entries, (e) => e[0]),
      counts: Uint16Array.from(entries, (e) => Math.min(e[1], 0xffff)),
    });
    return id;
  }

  /** Remove a paper; returns whether it was there. */
  remove(id: string): boolean {
    const doc = this.docs.get(id);
    if (!doc) return false;
    for (const termId of doc.termIds) this.documentFrequency[termId]! -= 1;
    this.docs.delete(id);
    this.compiled = undefined;
    return true;
  }

  /**
   * Make the index hold exactly `items`: tokenises only new or edited ones (by fingerprint),
   * drops the rest. The usual call after loading the cache with fromJSON.
   */
  sync(items: readonly LibraryItem[]): { added: number; removed: number; kept: number } {
    const wanted = new Map(items.map((item) => [idOf(item), item] as const));
    let removed = 0;
    for (const id of [...this.docs.keys()]) {
      if (!wanted.has(id) && this.remove(id)) removed += 1;
    }
    let added = 0;
    let kept = 0;
    for (const [id, item] of wanted) {
      const doc = this.docs.get(id);
      const current = doc?.fingerprint === fingerprintOf(item) && doc.noteName === item.noteName && doc.addedAt === item.addedAt && doc.title === item.title;
      if (current) kept += 1;
      else {
        this.add(item);
        added += 1;
      }
    }
    return { added, removed, kept };
  }

  /**
   * The library grouped by term for the ranker; cached until the next add or remove. Papers
   * are in id order, so ties resolve the same whatever order they were added in.
   */
  postings(): LibraryPostings {
    if (this.compiled) return this.compiled;
    const docs = [...this.docs.values()].sort(byId);
    const offsets = new Int32Array(this.termTexts.length + 1);
    for (let t = 0; t < this.termTexts.length; t += 1) offsets[t + 1] = offsets[t]! + this.documentFrequency[t]!;
    const fill = offsets.slice(0, -1);
    const total = offsets[this.termTexts.length]!;
    const docPositions = new Int32Array(total);
    const termFrequencies = new Float32Array(total);
    for (let position = 0; position < docs.length; position += 1) {
      const { termIds, counts } = docs[position]!;
      for (let i = 0; i < termIds.length; i += 1) {
        const slot = fill[termIds[i]!]!++;
        docPositions[slot] = position;
        const count = counts[i]!;
        termFrequencies[slot] = count === 1 ? 1 : 1 + Math.log(count);
      }
    }
    this.compiled = { docs, offsets, docPositions, termFrequencies };
    return this.compiled;
  }

  /**
   * A compact cache form: one shared term list, each paper's terms as gap-coded ids in a string.
   * Papers are written in id order, the order postings() wants them in, so restoring one needs
   * no real sorting.
   */
  toJSON(): LibraryJson {
    // Terms are renumbered in order of first use, so terms no paper uses any more are dropped.
    const newId = new Int32Array(this.termTexts.length).fill(-1);
    const terms: string[] = [];
    const docs = [...this.docs.values()].sort(byId).map((doc) => {
      // (new id, count) packed in one double each, so a numeric typed-array sort orders them.
      const packed = new Float64Array(doc.termIds.length);
      for (let i = 0; i < doc.termIds.length; i += 1) {
        const old = doc.termIds[i]!;
        if (newId[old] === -1) {
          newId[old] = terms.length;
          terms.push(this.termTexts[old]!);
        }
        packed[i] = newId[old]! * 0x10000 + doc.counts[i]!;
      }
      packed.sort();
      const ids = new Int32Array(packed.length);
      const counts = new Uint16Array(packed.length);
      for (let i = 0; i < packed.length; i += 1) {
        ids[i] = Math.floor(packed[i]! / 0x10000);
        counts[i] = packed[i]! % 0x10000;
      }
      return {
        ...(doc.id !== (doc.noteName ?? doc.title) ? { id: doc.id } : {}),
        title: doc.title,
        ...(doc.noteName !== undefined ? { noteName: doc.noteName } : {}),
        ...(doc.addedAt !== undefined ? { addedAt: doc.addedAt } : {}),
        fingerprint: doc.fingerprint,
        postings: postingsText(ids, counts),
      };
    });
    return { format: 'paper-feed-library', layout: LIBRARY_CACHE_LAYOUT, analyzer: ANALYZER_VERSION, terms, docs };
  }

  /**
   * Restore a cached index. A cache from another analyser version or layout, or a damaged one,
   * or one that is not a library cache at all, gives an empty index: `sync` then rebuilds it.
   */
  static fromJSON(json: unknown): LibraryIndex {
    if (!isLibraryJson(json)) return new LibraryIndex();
    const index = new LibraryIndex();
    // Cached term ids are positions in `terms`, so each must be a distinct string.
    for (const term of json.terms) {
      if (typeof term !== 'string' || index.termIdByText.has(term)) return new LibraryIndex();
      index.internTerm(term);
    }
    const scratch = newPostingsScratch();
    for (const entry of json.docs) {
      const doc = decodeDoc(entry, json.terms.length, scratch);
      if (!doc) return new LibraryIndex();
      index.insert(doc);
    }
    return index;
  }

  private internTerm(term: string): number {
    let id = this.termIdByText.get(term);
    if (id === undefined) {
      id = this.termTexts.length;
      this.termIdByText.set(term, id);
      this.termTexts.push(term);
      this.documentFrequency.push(0);
    }
    return id;
  }

  /** Store a paper, replacing one with the same id. */
  private insert(doc: LibraryDoc): void {
    this.remove(doc.id);
    for (const termId of doc.termIds) this.documentFrequency[termId]! += 1;
    this.docs.set(doc.id, doc);
    this.compiled = undefined;
  }
}

/** Papers in id order: ties, and so results, never depend on the order papers were added in. */
function byId(a: LibraryDoc, b: LibraryDoc): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One cached paper back to a LibraryDoc; undefined when the entry is damaged. */
function decodeDoc(stored: unknown, termCount: number, scratch: PostingsScratch): LibraryDoc | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const doc = stored as { [K in keyof LibraryJson['docs'][number]]?: unknown };
  if (typeof doc.title !== 'string' || typeof doc.postings !== 'string') return undefined;
  const noteName = typeof doc.noteName === 'string' ? doc.noteName : undefined;
  const id = doc.id ?? noteName ?? doc.title;
  if (typeof id !== 'string') return undefined;
  const postings = readPostings(doc.postings, termCount, scratch);
  if (!postings) return undefined;
  return {
    id,
    title: doc.title,
    ...(noteName !== undefined ? { noteName } : {}),
    ...(typeof doc.addedAt === 'number' ? { addedAt: doc.addedAt } : {}),
    fingerprint: String(doc.fingerprint),
    termIds: postings.termIds,
    counts: postings.counts,
  };
}

/** A cache file whose header is checked; each of its terms and docs is still checked on its own. */
type StoredLibrary = Pick<LibraryJson, 'format' | 'layout' | 'analyzer'> & { terms: unknown[]; docs: unknown[] };

function isLibraryJson(json: unknown): json is StoredLibrary {
  if (typeof json !== 'object' || json === null) return false;
  const candidate = json as Partial<LibraryJson>;
  return (
    candidate.format === 'paper-feed-library' &&
    candidate.layout === LIBRARY_CACHE_LAYOUT &&
    candidate.analyzer === ANALYZER_VERSION &&
    Array.isArray(candidate.terms) &&
    Array.isArray(candidate.docs)
  );
}
