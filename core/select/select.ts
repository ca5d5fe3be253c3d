// Chooses the papers a person follows from an announcement: per keyword group, in arXiv's
// order, plus the replacements (new versions) of papers that already have notes.

import type { Announcement, AnnounceType, Paper } from '../arxiv/paper';
import type { KeywordGroup, PaperFeedConfig } from '../config';
import { PaperFeedError } from '../errors';
import { compileGroups, paperText, type CompiledGroup, type PaperText } from './rules';

/**
 * A paper the vault already has a note for (the vault index's entry fits): a replacement of it is
 * an update worth listing even when no group matches it.
 */
export interface KnownPaper {
  version?: number;
}

export interface Selection {
  /** Every configured group, in config order, with its papers in arXiv order (may be empty). */
  groups: Array<{ name: string; papers: Paper[] }>;
  /** Papers matched by at least one group, each once, in arXiv order. */
  matched: Paper[];
  /** arXiv id → names of the groups that matched it, in config order. */
  groupsOf: ReadonlyMap<string, string[]>;
  /** Replacements of papers that already have notes (when trackUpdates), not in `matched`. */
  updated: Paper[];
}

// Compiling is cheap but not free; hosts call this on every refresh with the same settings.
// The key is the groups' JSON, so settings edited in place are never served stale rules.
const compiled = new Map<string, CompiledGroup[]>();
const CACHE_SIZE = 8;

export function selectPapers(announcement: Announcement, config: PaperFeedConfig, known: ReadonlyMap<string, KnownPaper>): Selection {
  const steps = selecting(announcement, config, known);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The same selection, giving the host's event loop a turn every few milliseconds, so that a
 * Ctrl-C or Cancel is heard while thousands of papers are matched; stops with 'cancelled'.
 */
export async function selectPapersCancellably(
  announcement: Announcement,
  config: PaperFeedConfig,
  known: ReadonlyMap<string, KnownPaper>,
  signal?: AbortSignal,
): Promise<Selection> {
  const steps = selecting(announcement, config, known);
  let turn = Date.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (Date.now() - turn < TURN_MS) continue;
    await new Promise((resolve) => setTimeout(resolve, 0));
    turn = Date.now();
    if (signal?.aborted) {
      throw new PaperFeedError('cancelled', 'Stopped while choosing papers because the run was cancelled; nothing was written.');
    }
  }
}

/** How long matching runs before the host gets a turn (a Ctrl-C is heard within about this). */
const TURN_MS = 50;

/** Matches one paper per step, so that a caller may pause between papers. */
function* selecting(announcement: Announcement, config: PaperFeedConfig, known: ReadonlyMap<string, KnownPaper>): Generator<void, Selection> {
  const groups = compiledGroups(config.groups);
  const counted = new Set<AnnounceType>(config.announceTypes);
  const byGroup = groups.map((g) => ({ name: g.name, papers: [] as Paper[] }));
  const matched: Paper[] = [];
  const groupsOf = new Map<string, string[]>();
  const updated: Paper[] = [];
  const seen = new Set<string>();

  for (const paper of announcement.papers) {
    if (seen.has(paper.id)) continue; // a feed that lists a paper twice still gives one entry
    seen.add(paper.id);
    // API results carry no announce type; they are treated as new submissions.
    const type: AnnounceType = paper.announceType ?? 'new';
    let hits: number[] = [];
    if (counted.has(type)) {
      const text = lazyPaperText(paper);
      hits = groups.flatMap((g, i) => (g.matches(paper, text) ? [i] : []));
    }
    if (hits.length > 0) {
      matched.push(paper);
      groupsOf.set(
        paper.id,
        hits.map((i) => byGroup[i]!.name),
      );
      for (const i of hits) byGroup[i]!.papers.push(paper);
    } else if (config.trackUpdates && isReplacement(type) && known.has(paper.id)) {
      updated.push(paper);
    }
    yield;
  }
  return { groups: byGroup, matched, groupsOf, updated };
}

/** The paper's text, prepared only when a group reads it (one that follows whole categories does not). */
function lazyPaperText(paper: Paper): PaperText {
  let prepared: PaperText | undefined;
  return {
    get plain() {
      return (prepared ??= paperText(paper)).plain;
    },
    get folded() {
      return (prepared ??= paperText(paper)).folded;
    },
  };
}

function isReplacement(type: AnnounceType): boolean {
  return type === 'replace' || type === 'replace-cross';
}

function compiledGroups(groups: readonly KeywordGroup[]): CompiledGroup[] {
  const key = JSON.stringify(groups);
  const hit = compiled.get(key);
  if (hit) return hit;
  const fresh = compileGroups(groups);
  if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, fresh);
  return fresh;
}
