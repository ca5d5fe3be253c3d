// Sees the vault as it is on disk before a run writes, not only as its index last saw it: a name a
// new note would take may hold a note sync just brought in, perhaps for the same paper or the same
// digest. Such a note is read and updated instead of getting a twin beside it; anything else at
// that name (the person's note, a folder, a dangling link) sends the new note to its next name.
// Where several notes claim one paper, the original is chosen here (see core/vault/originals.ts).

import { pathKey } from '../vault/index-of';
import { LookupMap } from '../vault/lookup-map';
import { originalFirst, type Duplicate, type NoteClaim } from '../vault/originals';
import type { IndexedPaperNote, VaultIndex, VaultStore } from '../vault/store';
import { readFrontmatter } from './frontmatter';
import { noteFacts } from './note-facts';
import type { PlannedNote } from './plan';

/** A plan for the index as the finder sees it, avoiding the `taken` paths. */
export type Planner = (index: VaultIndex, taken: ReadonlySet<string>) => PlannedNote[];

// Each round adopts or steps around the notes found at planned names; two settle any real vault.
const NAMING_ROUNDS = 4;

export class NoteFinder {
  /** Notes found by reading them, over what the index says. */
  private readonly papers = new Map<string, IndexedPaperNote>();
  private daily: string | undefined;
  /** Paths known to hold something, as pathKeys. */
  private readonly taken = new Set<string>();

  constructor(
    private readonly store: VaultStore,
    private readonly base: VaultIndex,
    private readonly date: string,
    /** The texts of the notes the run touches, by path; the finder adds what it reads. */
    private readonly existing: Map<string, string>,
    private readonly atOnce: number,
  ) {}

  /** The base index with the finder's notes laid over it. */
  index(): VaultIndex {
    const { base, papers, date } = this;
    const daily = this.daily;
    return {
      ...base,
      papers: new Overlay(papers, base.papers),
      dailies: daily === undefined ? base.dailies : new Overlay(new Map([[date, daily]]), base.dailies),
    };
  }

  /**
   * For the papers (and the digest) the run touches that several notes claim: the original, by
   * the rule in originals.ts, becomes the note the run updates. Returns what to tell the person.
   */
  async chooseOriginals(ids: readonly string[]): Promise<Duplicate[]> {
    const duplicates: Duplicate[] = [];
    for (const id of ids) {
      const paths = this.base.paperClaims?.(id);
      if (!paths) continue;
      const original = await this.original(paths);
      const text = await this.textOf(original);
      const facts = text === null ? {} : noteFacts(text);
      if (facts.arxivId === id)
        this.papers.set(id, {
          path: original,
          ...(facts.version !== undefined ? { version: facts.version } : {}),
          ...(facts.citekey ? { citekey: facts.citekey } : {}),
        });
      duplicates.push({ what: `arXiv:${id}`, paths: [original, ...paths.filter((p) => p !== original)] });
    }
    const dailies = this.base.dailyClaims?.(this.date);
    if (dailies) {
      const original = await this.original(dailies);
      if ((await this.textOf(original)) !== null) this.daily = original;
      duplicates.push({ what: `the digest of ${this.date}`, paths: [original, ...dailies.filter((p) => p !== original)] });
    }
    return duplicates;
  }

  /**
   * Plans until every new note has a name nothing holds: a planned name that holds the same paper
   * (or the same digest) makes that note the one to update; any other holder takes the name.
   */
  async settle(plan: Planner): Promise<PlannedNote[]> {
    let planned: PlannedNote[] = [];
    for (let round = 0; round < NAMING_ROUNDS; round += 1) {
      planned = plan(this.index(), this.taken);
      const creates = planned.filter((note) => note.kind === 'create');
      let found = 0;
      await atMost(this.atOnce, creates, async (note) => {
        if (await this.look(note)) found += 1;
      });
      if (found === 0) break;
    }
    return planned;
  }

  /** Whether something holds the note's name; what it is, is remembered for the next plan. */
  async look(note: PlannedNote): Promise<boolean> {
    const at = await this.store.occupant(note.path);
    if (at === null) return false;
    this.taken.add(pathKey(at));
    this.taken.add(pathKey(note.path));
    const text = await this.textOf(at);
    if (text === null) return true;
    const facts = noteFacts(text);
    if (note.role === 'paper' && note.arxivId !== undefined && facts.arxivId === note.arxivId && !this.papers.has(note.arxivId)) {
      this.papers.set(note.arxivId, {
        path: at,
        ...(facts.version !== undefined ? { version: facts.version } : {}),
        ...(facts.citekey ? { citekey: facts.citekey } : {}),
      });
    } else if (note.role === 'daily' && facts.dailyDate === this.date && this.daily === undefined) {
      this.daily = at;
    }
    return true;
  }

  /** Records a note the run wrote, so a later plan updates it (and finds it unchanged). */
  written(note: PlannedNote, text: string): void {
    this.existing.set(note.path, text);
    this.taken.add(pathKey(note.path));
    if (note.role === 'daily') this.daily = note.path;
    else if (note.arxivId !== undefined && !this.papers.has(note.arxivId)) {
      const facts = noteFacts(text);
      this.papers.set(note.arxivId, {
        path: note.path,
        ...(facts.version !== undefined ? { version: facts.version } : {}),
        ...(facts.citekey ? { citekey: facts.citekey } : {}),
      });
    }
  }

  /** Of several notes claiming one paper or digest, the original (the rule in originals.ts). */
  async original(paths: readonly string[]): Promise<string> {
    const claims: NoteClaim[] = [];
    const linking = await this.linkingDailies(paths);
    for (const path of paths) {
      const createdMs = await this.store.createdAt?.(path);
      const linked = linking.some((text) => linksTo(text, path));
      claims.push({ path, linked, ...(createdMs !== undefined ? { createdMs } : {}) });
    }
    return originalFirst(claims)[0]!.path;
  }

  /** The texts of the daily notes that may link to these claims: this date's and each claim's latest digest. */
  private async linkingDailies(paths: readonly string[]): Promise<string[]> {
    const dates = new Set([this.date]);
    for (const path of paths) {
      const latest = digestDates(await this.textOf(path)).pop();
      if (latest) dates.add(latest);
    }
    const texts: string[] = [];
    for (const date of dates) {
      const daily = this.base.dailies.get(date);
      const text = daily === undefined ? null : await this.textOf(daily);
      if (text !== null) texts.push(text);
    }
    return texts;
  }

  /** The file's text, or null when it is not a readable note (a folder, a dangling link, gone). */
  private async textOf(path: string): Promise<string | null> {
    const known = this.existing.get(path);
    if (known !== undefined) return known;
    let text: string | null;
    try {
      text = await this.store.read(path);
    } catch {
      return null; // whatever it is, it holds the name and is no note of ours
    }
    if (text !== null) this.existing.set(path, text);
    return text;
  }
}

/** The listing dates a paper note's `digests` link to (`"[[2026-06-01]]"`), oldest first. */
function digestDates(text: string | null): string[] {
  if (text === null) return [];
  let digests: unknown;
  try {
    digests = readFrontmatter(text).digests;
  } catch {
    return [];
  }
  if (!Array.isArray(digests)) return [];
  return digests.flatMap((link) => (typeof link === 'string' ? (/(\d{4}-\d{2}-\d{2})/.exec(link)?.[1] ?? []) : [])).sort();
}

/** Whether a daily note's text has a wikilink to the note at `path` (by path or by name). */
function linksTo(text: string, path: string): boolean {
  const target = path.replace(/\.md$/i, '');
  const name = target.slice(target.lastIndexOf('/') + 1);
  return [target, name].some((link) => text.includes(`[[${link}|`) || text.includes(`[[${link}]]`));
}

/** A map that answers from `over` first, then from `under`. */
class Overlay<K, V> extends LookupMap<K, V> {
  constructor(
    private readonly over: ReadonlyMap<K, V>,
    private readonly under: ReadonlyMap<K, V>,
  ) {
    super();
  }

  get(key: K): V | undefined {
    return this.over.get(key) ?? this.under.get(key);
  }

  has(key: K): boolean {
    return this.over.has(key) || this.under.has(key);
  }

  protected whole(): Map<K, V> {
    return new Map([...this.under, ...this.over]);
  }
}

/** Runs `work` on every item, at most `limit` at a time. */
export async function atMost<T>(limit: number, items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
