// The person's library as a term index that grows and shrinks one paper at a time and
// survives in a host's cache as JSON, so a run tokenises only what changed since the last.

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

interface LibraryJson {
  format: 'paper-feed-library';
  analyzer: number;
  terms: string[];
  docs: Array<{ id: string; title: string; noteName?: string; addedAt?: number; fingerprint: string; terms: string }>;
}

/** FNV-1a over title and abstract: cheap, stable across runs and platforms. */
export function fingerprintOf(item: Pick<LibraryItem, 'title' | 'abstract'>): string {
  let hash = 0x811c9dc5;
  const text = `${item.title}\n${item.abstract}`;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
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
      const current = doc && doc.fingerprint === fingerprintOf(item) && doc.noteName === item.noteName && doc.addedAt === item.addedAt && doc.title === item.title;
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
    const docs = [...this.docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const offsets = new Int32Array(this.termTexts.length + 1);
    for (let t = 0; t < this.termTexts.length; t += 1) offsets[t + 1] = offsets[t]! + this.documentFrequency[t]!;
    const fill = offsets.slice(0, -1);
    const total = offsets[this.termTexts.length]!;
    const docPositions = new Int32Array(total);
    const termFrequencies = new Float32Array(total);
    docs.forEach((doc, position) => {
      for (let i = 0; i < doc.termIds.length; i += 1) {
        const slot = fill[doc.termIds[i]!]!++;
        docPositions[slot] = position;
        termFrequencies[slot] = 1 + Math.log(doc.counts[i]!);
      }
    });
    this.compiled = { docs, offsets, docPositions, termFrequencies };
    return this.compiled;
  }

  /** A compact cache form: one shared term list, each paper's terms as delta-coded ids. */
  toJSON(): LibraryJson {
    const newId = new Map<number, number>();
    const terms: string[] = [];
    const docs = [...this.docs.values()].map((doc) => {
      const ids = Array.from(doc.termIds, (old) => {
        let id = newId.get(old);
        if (id === undefined) {
          id = terms.length;
          newId.set(old, id);
          terms.push(this.termTexts[old]!);
        }
        return id;
      });
      const order = ids.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
      let previous = 0;
      const encoded = order.map((i) => {
        const delta = ids[i]! - previous;
        previous = ids[i]!;
        const count = doc.counts[i]!;
        return count === 1 ? delta.toString(36) : `${delta.toString(36)}:${count.toString(36)}`;
      });
      return {
        id: doc.id,
        title: doc.title,
        ...(doc.noteName !== undefined ? { noteName: doc.noteName } : {}),
        ...(doc.addedAt !== undefined ? { addedAt: doc.addedAt } : {}),
        fingerprint: doc.fingerprint,
        terms: encoded.join(','),
      };
    });
    return { format: 'paper-feed-library', analyzer: ANALYZER_VERSION, terms, docs };
  }

  /**
   * Restore a cached index. A cache from another analyser version, or one that is not a
   * library cache at all, gives an empty index: `sync` then rebuilds it from the notes.
   */
  static fromJSON(json: unknown): LibraryIndex {
    const index = new LibraryIndex();
    if (!isLibraryJson(json)) return index;
    const termIds = json.terms.map((term) => index.internTerm(term));
    const docs = json.docs.map((doc) => decodeDoc(doc, termIds));
    if (docs.some((doc) => doc === undefined)) return new LibraryIndex();
    for (const doc of docs) index.insert(doc!);
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

/** One cached paper back to a LibraryDoc; undefined when the entry is damaged. */
function decodeDoc(doc: LibraryJson['docs'][number], termIds: readonly number[]): LibraryDoc | undefined {
  if (typeof doc?.id !== 'string' || typeof doc.title !== 'string' || typeof doc.terms !== 'string') return undefined;
  const ids: number[] = [];
  const counts: number[] = [];
  let previous = 0;
  for (const entry of doc.terms === '' ? [] : doc.terms.split(',')) {
    const [delta, count] = entry.split(':');
    previous += parseInt(delta!, 36);
    const termId = termIds[previous];
    const occurrences = count === undefined ? 1 : parseInt(count, 36);
    if (termId === undefined || !(occurrences > 0)) return undefined;
    ids.push(termId);
    counts.push(occurrences);
  }
  const order = ids.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  return {
    id: doc.id,
    title: doc.title,
    ...(typeof doc.noteName === 'string' ? { noteName: doc.noteName } : {}),
    ...(typeof doc.addedAt === 'number' ? { addedAt: doc.addedAt } : {}),
    fingerprint: String(doc.fingerprint),
    termIds: Int32Array.from(order, (i) => ids[i]!),
    counts: Uint16Array.from(order, (i) => counts[i]!),
  };
}

function isLibraryJson(json: unknown): json is LibraryJson {
  if (typeof json !== 'object' || json === null) return false;
  const candidate = json as Partial<LibraryJson>;
  return (
    candidate.format === 'paper-feed-library' &&
    candidate.analyzer === ANALYZER_VERSION &&
    Array.isArray(candidate.terms) &&
    Array.isArray(candidate.docs)
  );
}
