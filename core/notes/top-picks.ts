// "Top picks": the announcement ranked once against the person's library, and how the
// daily note shows the best of it, each with the reason it was picked.
//
// Every announced paper of the counted types is ranked, not only the keyword matches: the point
// is to find what keywords miss. A paper is a pick only when the reason can name something (a
// close library paper or a followed author); a score without a reason would be a guess.

import type { Announcement, AnnounceType, Paper } from '../arxiv/paper';
import type { PaperFeedConfig } from '../config';
import { coldStartNotice, explain } from '../rank/explain';
import type { LibraryIndex } from '../rank/library';
import { orderByRelevance, rankPapers, type NearestPaper, type RankedPaper, type RankResult } from '../rank/score';
import type { Selection } from '../select/select';
import { escapeMarkdownText, linkText } from '../text/markdown';
import { noteNameOf } from './library-items';

export interface AnnouncementRanking {
  result: RankResult;
  /** The best papers with a reason, best first, at most config.topPicks (none in a cold start). */
  picks: RankedPaper[];
  /** arXiv id → score of every ranked paper; empty in a cold start, when there is nothing to score by. */
  scores: ReadonlyMap<string, number>;
}

/** Ranks every counted paper of the announcement against the library. */
export function rankAnnouncement(announcement: Announcement, config: PaperFeedConfig, selection: Selection, library: LibraryIndex): AnnouncementRanking {
  const counted = new Set<AnnounceType>(config.announceTypes);
  const seen = new Set<string>();
  const papers = announcement.papers.filter((paper) => {
    if (seen.has(paper.id) || !counted.has(paper.announceType ?? 'new')) return false;
    seen.add(paper.id);
    return true;
  });
  const followedAuthors = [...new Set(config.groups.flatMap((group) => group.authors ?? []))];
  const groupHits = new Map([...selection.groupsOf].map(([id, groups]) => [id, groups.length] as const));
  const announcedAt = Date.parse(announcement.announcedAt);
  const result = rankPapers(papers, library, {
    followedAuthors,
    groupHits,
    // The announcement's own time, not the clock's: the same announcement and library always
    // give the same scores, so a second run has nothing to write.
    ...(Number.isNaN(announcedAt) ? {} : { now: announcedAt }),
    ...(config.library.halfLifeDays !== undefined ? { halfLifeDays: config.library.halfLifeDays } : {}),
  });
  if (result.coldStart) return { result, picks: [], scores: new Map() };
  return { result, picks: picksOf(result, config.topPicks), scores: new Map(result.ranked.map((item) => [item.paper.id, item.score] as const)) };
}

/** The best `count` ranked papers that have a reason (a close library paper or a followed author). */
export function picksOf(result: RankResult, count: number): RankedPaper[] {
  if (result.coldStart) return [];
  return result.ranked.filter((item) => item.nearest.length > 0 || item.followedAuthors.length > 0).slice(0, count);
}

/** The selection with each group's papers in relevance order; as it was in a cold start. */
export function orderedByRelevance(selection: Selection, result: RankResult): Selection {
  if (result.coldStart) return selection;
  return { ...selection, groups: selection.groups.map((group) => ({ ...group, papers: orderByRelevance(group.papers, result) })) };
}

/** What the daily note's "Top picks" section shows. */
export interface TopPicksView {
  coldStart: boolean;
  librarySize: number;
  picks: readonly RankedPaper[];
}

/**
 * The section's lines: "## Top picks", a line saying what the scores mean, then one line per pick
 * (`- [[note|Title]] · 0.42 — close to [[Paper A]] and [[Paper B]]; shares *diffusion policy*`);
 * or the cold-start notice, or a line saying nothing came close.
 */
export function topPicksLines(view: TopPicksView, link: (paper: Paper) => string): string[] {
  const lines = ['## Top picks', ''];
  if (view.coldStart) return [...lines, coldStartNotice(view.librarySize)];
  if (view.picks.length === 0) {
    return [...lines, `Nothing in this announcement is close to the ${view.librarySize} papers in your library.`];
  }
  lines.push(`Ranked against the ${view.librarySize} papers in your library (scores from 0 to 1):`, '');
  for (const item of view.picks) {
    const reason = pickReason(item);
    lines.push(`- ${link(item.paper)} · ${item.score.toFixed(2)}${reason ? ` — ${reason}` : ''}`);
  }
  return lines;
}

/** The reason in the note's Markdown: library notes as links, the paper's own words escaped. */
function pickReason(item: RankedPaper): string {
  return explain(
    { ...item, followedAuthors: item.followedAuthors.map(escapeMarkdownText) },
    { reference: libraryLink, phrase: (text) => `*${escapeMarkdownText(text)}*` },
  );
}

/**
 * A library paper as `[[path|name]]` (its noteName is the note's path without ".md", so the link
 * finds it wherever it lives); a .bib entry, or a path a link cannot hold, by its quoted title.
 */
function libraryLink(paper: NearestPaper): string {
  const target = paper.noteName;
  if (target === undefined || /[#^|[\]]/.test(target)) return `"${escapeMarkdownText(linkText(paper.title))}"`;
  const name = noteNameOf(target);
  return target === name ? `[[${target}]]` : `[[${target}|${linkText(name)}]]`;
}
