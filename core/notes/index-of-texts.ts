// The vault index of notes held as whole texts (the in-memory store, tests): each note's facts
// read by note-facts.ts, the original first when two notes claim one id or date.

import type { DigestTally, IndexedPaperNote, VaultIndex } from '../vault/store';
import { indexOfMaps } from '../vault/index-of';
import { originalFirst } from '../vault/originals';
import { noteFacts } from './note-facts';

/** The index of `files` (path → text); when two notes claim one id, the original wins (see originals.ts). */
export function buildVaultIndex(files: Iterable<readonly [string, string]>): VaultIndex {
  const papers = new Map<string, IndexedPaperNote>();
  const dailies = new Map<string, string>();
  const paperClaims = new Map<string, string[]>();
  const dailyClaims = new Map<string, string[]>();
  const tallies = new Map<string, DigestTally>();
  const sorted = originalFirst([...files].map(([path, text]) => ({ path, text })));
  for (const { path, text } of sorted) {
    if (!path.toLowerCase().endsWith('.md')) continue;
    const facts = noteFacts(text);
    if (facts.arxivId && !papers.has(facts.arxivId)) {
      const entry: IndexedPaperNote = { path };
      if (facts.version !== undefined) entry.version = facts.version;
      if (facts.citekey !== undefined) entry.citekey = facts.citekey;
      papers.set(facts.arxivId, entry);
    }
    if (facts.arxivId) paperClaims.set(facts.arxivId, [...(paperClaims.get(facts.arxivId) ?? []), path]);
    if (facts.dailyDate && !dailies.has(facts.dailyDate)) {
      dailies.set(facts.dailyDate, path);
      if (facts.tally) tallies.set(facts.dailyDate, facts.tally);
    }
    if (facts.dailyDate) dailyClaims.set(facts.dailyDate, [...(dailyClaims.get(facts.dailyDate) ?? []), path]);
  }
  const several = (claims: Map<string, string[]>) => (key: string) => {
    const paths = claims.get(key);
    return paths && paths.length > 1 ? paths : undefined;
  };
  return { ...indexOfMaps(papers, dailies), paperClaims: several(paperClaims), dailyClaims: several(dailyClaims), tallies };
}
