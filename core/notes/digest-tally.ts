// What one announcement matched, as the daily note records it for the trends of later digests:
// `matches` (each group with matches, as "Group: count") and `followed_authors` (the followed
// people with a matched paper that day, spelled as in the settings). The vault index keeps these
// per daily note, so a run reads the trends of a month without opening a single note.

import type { KeywordGroup } from '../config';
import type { Selection } from '../select/select';
import { authorPattern, matchesAuthor } from '../select/authors';
import { LookupMap } from '../vault/lookup-map';
import type { DigestTally } from '../vault/store';
import type { FrontmatterValue } from './frontmatter';

export const MATCHES_KEY = 'matches';
export const FOLLOWED_KEY = 'followed_authors';

/** What `selection` matched, with the followed authors of `groups` among its papers' authors. */
export function tallyOfSelection(selection: Selection, groups: readonly KeywordGroup[]): DigestTally {
  const counts = new Map<string, number>();
  for (const group of selection.groups) if (group.papers.length > 0) counts.set(group.name, group.papers.length);
  const authors: string[] = [];
  for (const config of groups) {
    const papers = selection.groups.find((g) => g.name === config.name)?.papers ?? [];
    for (const name of config.authors ?? []) {
      if (authors.includes(name)) continue;
      const pattern = authorPattern(name);
      if (papers.some((paper) => paper.authors.some((a) => matchesAuthor(pattern, a.name)))) authors.push(name);
    }
  }
  return { groups: counts, authors };
}

/**
 * The daily note's frontmatter entries for `tally`. `followed_authors` appears once the person
 * follows anyone (or the note has it already), so a rerun can empty it.
 */
export function tallyFrontmatter(tally: DigestTally, followsAnyone: boolean, noteHasFollowed: boolean): Array<[string, FrontmatterValue]> {
  const entries: Array<[string, FrontmatterValue]> = [[MATCHES_KEY, [...tally.groups].map(([name, count]) => `${name}: ${count}`)]];
  if (followsAnyone || noteHasFollowed || tally.authors.length > 0) entries.push([FOLLOWED_KEY, [...tally.authors]]);
  return entries;
}

/** The tally a daily note's `matches` and `followed_authors` values record, or undefined without `matches`. */
export function readTally(matches: unknown, followed: unknown): DigestTally | undefined {
  if (!Array.isArray(matches)) return undefined;
  const groups = new Map<string, number>();
  for (const item of matches) {
    const m = typeof item === 'string' ? /^(.*):\s*(\d+)\s*$/s.exec(item) : null;
    if (m && m[1]!.trim() !== '') groups.set(m[1]!.trim(), (groups.get(m[1]!.trim()) ?? 0) + Number(m[2]));
  }
  const authors = Array.isArray(followed) ? followed.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()) : [];
  return { groups, authors };
}

/** The tallies by date, over a daily-notes map and a way to find the tally of a note by path. */
export function talliesByDate(dailies: ReadonlyMap<string, string>, tallyAt: (path: string) => DigestTally | undefined): ReadonlyMap<string, DigestTally> {
  return new TallyLookup(dailies, tallyAt);
}

/** Each get finds the date's daily note, then its tally; walking it asks every daily note. */
class TallyLookup extends LookupMap<string, DigestTally> {
  constructor(
    private readonly dailies: ReadonlyMap<string, string>,
    private readonly tallyAt: (path: string) => DigestTally | undefined,
  ) {
    super();
  }

  get(date: string): DigestTally | undefined {
    const path = this.dailies.get(date);
    return path === undefined ? undefined : this.tallyAt(path);
  }

  has(date: string): boolean {
    return this.get(date) !== undefined;
  }

  protected whole(): Map<string, DigestTally> {
    const all = new Map<string, DigestTally>();
    for (const date of this.dailies.keys()) {
      const tally = this.get(date);
      if (tally) all.set(date, tally);
    }
    return all;
  }
}
