// What the feed tree shows, as plain data (no VS Code types, so benchmarks and tests can build it
// directly): the latest announcement's "Top picks", groups and "Updated", then earlier announcements.
import type { Announcement, Paper } from '../../../core/arxiv/paper';
import type { PaperFeedConfig } from '../../../core/config';
import type { IndexedPaperNote } from '../../../core/vault/store';
import { orderedByRelevance, picksOf } from '../../../core/notes/top-picks';
import type { RankedPaper, RankResult } from '../../../core/rank/score';
import { selectPapers, type Selection } from '../../../core/select/select';
import { metadataText } from '../../../core/notes/note-values';
import { plainTitle } from '../shared/paper-markdown';

export interface GroupNode {
  kind: 'group';
  /** Unique in the tree (VS Code keeps expansion state by it). */
  key: string;
  date: string;
  name: string;
  papers: Paper[];
  /** Each paper's ranking against the library, when the feed was ranked. */
  ranked?: ReadonlyMap<string, RankedPaper>;
}
export interface UpdatedNode {
  kind: 'updated';
  key: string;
  date: string;
  papers: Paper[];
}
/** The papers closest to the person's library, best first, as the daily note lists them. */
export interface PicksNode {
  kind: 'picks';
  key: string;
  date: string;
  picks: RankedPaper[];
  librarySize: number;
}
export type SectionNode = PicksNode | GroupNode | UpdatedNode;
export interface AnnouncementNode {
  kind: 'announcement';
  key: string;
  date: string;
  /** Distinct papers matched by any group (after the filter). */
  matched: number;
  children: SectionNode[];
}
export interface PaperNode {
  kind: 'paper';
  key: string;
  paper: Paper;
  /** Its score and the reason, when the feed was ranked and the library was big enough. */
  ranked?: RankedPaper;
}
export type FeedNode = SectionNode | AnnouncementNode | PaperNode;

export interface FeedInput {
  /** Newest first, as the cache keeps them. */
  announcements: readonly Announcement[];
  config: PaperFeedConfig;
  /** Paper notes the workspace holds, by arXiv id (for "Updated"). */
  known: ReadonlyMap<string, IndexedPaperNote>;
  /** Words every shown paper must contain (title, authors, id, abstract); empty shows all. */
  filter?: string;
  /** Ranks an announcement against the person's library; absent when ranking is off. */
  rank?: (announcement: Announcement, selection: Selection) => RankResult;
}

/**
 * The top level: the latest announcement's "Top picks" (when ranked and there are any), its groups
 * (in settings order), "Updated" when it has papers, then earlier announcements.
 */
export function feedRoots(input: FeedInput): FeedNode[] {
  const [latest, ...earlier] = input.announcements;
  if (!latest) return [];
  const matches = paperFilter(input.filter ?? '');
  const roots: FeedNode[] = sectionsOf(latest, input, matches);
  for (const announcement of earlier) {
    const children = sectionsOf(announcement, input, matches);
    roots.push({ kind: 'announcement', key: announcement.date, date: announcement.date, matched: distinctCount(children), children });
  }
  return roots;
}

/** The papers under a node, or its sections for an earlier announcement. */
export function feedChildren(node: FeedNode): FeedNode[] {
  switch (node.kind) {
    case 'announcement':
      return node.children;
    case 'group': {
      const { ranked } = node;
      return node.papers.map((paper) => {
        const item = ranked?.get(paper.id);
        return { kind: 'paper', key: `${node.key}/${paper.id}`, paper, ...(item ? { ranked: item } : {}) };
      });
    }
    case 'updated':
      return node.papers.map((paper) => ({ kind: 'paper', key: `${node.key}/${paper.id}`, paper }));
    case 'picks':
      return node.picks.map((item) => ({ kind: 'paper', key: `${node.key}/${item.paper.id}`, paper: item.paper, ranked: item }));
    case 'paper':
      return [];
  }
}

/** How many distinct papers the latest announcement matched (the view's badge). */
export function latestMatchedCount(roots: readonly FeedNode[]): number {
  return distinctCount(roots.filter((n): n is GroupNode => n.kind === 'group'));
}

function sectionsOf(announcement: Announcement, input: FeedInput, matches: (p: Paper) => boolean): SectionNode[] {
  let selection = selectPapers(announcement, input.config, input.known);
  // In a cold start there is nothing to rank by: keyword order, and no reasons.
  const result = input.rank?.(announcement, selection);
  const ranking = result && !result.coldStart ? result : undefined;
  if (ranking && input.config.orderGroupsByRelevance) selection = orderedByRelevance(selection, ranking);
  const ranked = ranking ? new Map(ranking.ranked.map((item) => [item.paper.id, item] as const)) : undefined;
  const sections: SectionNode[] = [];
  const picks = ranking ? picksOf(ranking, input.config.topPicks).filter((item) => matches(item.paper)) : [];
  if (ranking && picks.length > 0) {
    sections.push({ kind: 'picks', key: `${announcement.date}/top-picks`, date: announcement.date, picks, librarySize: ranking.librarySize });
  }
  const groups: GroupNode[] = selection.groups.map((group) => ({
    kind: 'group',
    key: `${announcement.date}/group/${group.name}`,
    date: announcement.date,
    name: group.name,
    papers: group.papers.filter(matches),
    ...(ranked ? { ranked } : {}),
  }));
  sections.push(...groups);
  const updated = input.config.trackUpdates ? selection.updated.filter(matches) : [];
  if (updated.length > 0) {
    sections.push({ kind: 'updated', key: `${announcement.date}/updated`, date: announcement.date, papers: updated });
  }
  return sections;
}

function distinctCount(sections: readonly SectionNode[]): number {
  return new Set(sections.flatMap((s) => (s.kind === 'group' ? s.papers.map((p) => p.id) : []))).size;
}

/** All words of `filter` must occur (case-insensitively) in the paper's title, authors, id or abstract. */
export function paperFilter(filter: string): (paper: Paper) => boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (paper) => {
    const haystack = `${paper.title}\n${paper.authors.map((a) => a.name).join(', ')}\n${paper.id}\n${paper.abstract}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  };
}

/** "Title — First Author et al." ("— Name" alone for one author, the title alone for none). */
export function paperLabel(paper: Paper): string {
  const title = plainTitle(paper);
  const first = paper.authors[0]?.name && metadataText(paper.authors[0].name, false);
  if (!first) return title;
  return `${title} — ${first}${paper.authors.length > 1 ? ' et al.' : ''}`;
}

/** "Language models (12)", "Updated (3)", "2026-05-28 (14)". */
export function nodeLabel(node: FeedNode): string {
  switch (node.kind) {
    case 'group':
      return `${node.name} (${node.papers.length})`;
    case 'updated':
      return `Updated (${node.papers.length})`;
    case 'picks':
      return `Top picks (${node.picks.length})`;
    case 'announcement':
      return `${node.date} (${node.matched})`;
    case 'paper':
      return paperLabel(node.paper);
  }
}
