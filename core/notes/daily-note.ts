// The daily note: one per announcement, built to be skimmed. Each paper is a heading that links
// to its note, one line of authors, categories and links, and the abstract folded in a callout;
// the outline and folding then make 60 papers quick to scan.
//
// A paper matched by several groups is shown in full once, under the first of its groups (in
// config order), and named in one line under each later group. Repeating whole entries would
// make a long note longer for no new information; listing it in each group keeps every group's
// count and section complete.

import type { Announcement, Paper } from '../arxiv/paper';
import type { Selection } from '../select/select';
import { announcedWording, longDate } from './dates';
import { pendingLine, tldrMarkdown, translatedAbstractMarkdown, translatedTitleMarkdown, type Enrichments } from './enrichment-markdown';
import { bodyOffset, readFrontmatter, writeFrontmatterKeys, type FrontmatterValue } from './frontmatter';
import { escapeMarkdownText, linkText, markdownParagraphs } from '../text/markdown';
import { findMarkedBlock, markedBlock, replaceMarkedBlock } from './markers';
import { resolveAmong, type LinkResolver } from './link-resolution';
import { linkedPaths, sameButLinkForm } from './same-links';
import { DAILY_TAG } from './note-facts';
import { FOLLOWED_KEY, tallyFrontmatter, tallyOfSelection } from './digest-tally';
import type { DigestTally } from '../vault/store';
import { trendsLines, type TrendsView } from './trends';
import { mergeList } from './note-values';
import { texToPlain } from '../text/tex-tokens';
import { topPicksLines, type TopPicksView } from './top-picks';
import { overviewLines } from './overview';
import type { DailyOverview } from '../enrich/overview';
import type { PaperUpdate } from './published-and-updated';
import { publishedAndUpdatedLines } from './published-and-updated';

export interface DailyNoteInput {
  announcement: Announcement;
  selection: Selection;
  /** arXiv id → vault path of the paper's note (with ".md"), for every matched and updated paper. */
  notePaths: ReadonlyMap<string, string>;
  /** Translations and TL;DRs by arXiv id, when enrichment is on. */
  enrichments?: Enrichments;
  /** The "Top picks" section, when the run ranked the announcement and picks are on. */
  topPicks?: TopPicksView;
  /** The day's machine-written overview, when enrichment wrote one. */
  overview?: DailyOverview;
  /**
   * What this announcement matched, as recorded in `matches` and `followed_authors`; without it,
   * the groups' counts and no followed authors.
   */
  tally?: DigestTally;
  /** Whether the person follows any author (then `followed_authors` is written, even empty). */
  followsAnyone?: boolean;
  /** The "Trends" section, when earlier digests are in the vault. */
  trends?: TrendsView;
  /** The daily note's vault path, which its links are read from. */
  path?: string;
  /** Where a link leads in the vault (the app's own answer, in Obsidian); see sameButLinkForm. */
  resolveLink?: LinkResolver;
  /**
   * With Zotero as the library source, each paper gets a link: "In Zotero" to the item
   * (arXiv id → item key here), else "Save to Zotero", which the Obsidian plugin answers.
   */
  zoteroLinks?: ReadonlyMap<string, string>;
  /** What the catch-up check changed since the last daily note: "Published and updated". */
  catchUp?: readonly PaperUpdate[];
}

/** Authors named before "et al." */
const AUTHORS_SHOWN = 3;

export function dailyFrontmatter(input: DailyNoteInput, noteHasFollowed = false): Array<[string, FrontmatterValue]> {
  const { announcement, selection } = input;
  const tally = input.tally ?? tallyOfSelection(selection, []);
  return [
    ['date', announcement.date],
    ['announced', announcement.announcedAt],
    ['papers', selection.matched.length],
    ['keywords', matchedGroups(selection)],
    ...tallyFrontmatter(tally, input.followsAnyone === true, noteHasFollowed),
    ['tags', [DAILY_TAG]],
  ];
}

export function renderDailyNote(input: DailyNoteInput): string {
  return `${writeFrontmatterKeys('', dailyFrontmatter(input))}${markedBlock(dailyBlock(input))}\n`;
}

/**
 * `existing` with the owned keys and the marked block brought up to date; `keywords` and `tags`
 * only grow. Without markers the body is the person's and only the frontmatter changes.
 */
export function updateDailyNote(existing: string, input: DailyNoteInput): string {
  const data = readFrontmatter(existing);
  const entries = dailyFrontmatter(input, data[FOLLOWED_KEY] !== undefined).flatMap(([key, value]): Array<[string, FrontmatterValue]> => {
    if (key !== 'keywords' && key !== 'tags') return [[key, value]];
    const merged = mergeList(data[key], value as string[], { tags: key === 'tags' });
    return merged ? [[key, merged]] : [];
  });
  const text = writeFrontmatterKeys(existing, entries, data);
  const from = bodyOffset(text);
  const block = dailyBlock(input);
  const range = findMarkedBlock(text, from);
  if (range && input.path !== undefined) {
    // Links the app rewrote after a rename lead to the same notes: the block stays as it is.
    const current = text.slice(range.start, range.end).replace(/\r\n/g, '\n').replace(/\n$/, '');
    if (sameButLinkForm(current, block, input.path, input.resolveLink ?? resolveAmong(linkedPaths(block)))) return text;
  }
  return replaceMarkedBlock(text, block, from) ?? text;
}

/**
 * The generated part of the daily note (between the markers): sections in reading order, each
 * a list of lines (empty when it has nothing to say), joined by blank lines.
 */
export function dailyBlock(input: DailyNoteInput): string {
  const sections = [
    summaryLines(input),
    overviewSection(input),
    trendsSection(input),
    topPicksSection(input),
    ...groupSections(input),
    updatedSection(input),
    publishedAndUpdatedLines(input.catchUp ?? []),
  ];
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

/** Which listing this is, and how many papers matched in all and per group. */
function summaryLines(input: DailyNoteInput): string[] {
  const { announcement, selection } = input;
  const cats = announcement.categories.length ? ` · ${escapeMarkdownText(announcement.categories.join(', '))}` : '';
  const count = selection.matched.length;
  const perGroup = selection.groups.map((g) => `${escapeMarkdownText(g.name)} ${g.papers.length}`).join(' · ');
  const updated = selection.updated.length ? ` · ${selection.updated.length} updated` : '';
  const lines = [
    `Listing of ${longDate(announcement.date)}, announced ${announcedWording(announcement.announcedAt)}${cats}`,
    '',
    `**${count} ${count === 1 ? 'paper' : 'papers'} matched**${perGroup ? ` — ${perGroup}` : ''}${updated}`,
  ];
  if (count === 0) lines.push('', 'No new papers matched your groups in this announcement.');
  return lines;
}

/** The day's machine-written overview (enrichment), when there is one and anything matched. */
function overviewSection(input: DailyNoteInput): string[] {
  return input.overview && input.selection.matched.length > 0 ? overviewLines(input.overview, (id) => overviewLink(input, id)) : [];
}

function trendsSection(input: DailyNoteInput): string[] {
  return input.trends ? trendsLines(input.trends) : [];
}

function topPicksSection(input: DailyNoteInput): string[] {
  return input.topPicks ? topPicksLines(input.topPicks, (paper) => link(input, paper)) : [];
}

/** One section per group with matches: each paper in full under its first group, named under the others. */
function groupSections(input: DailyNoteInput): string[][] {
  const { selection } = input;
  const shown = new Set<string>();
  return selection.groups.flatMap((group) => {
    if (group.papers.length === 0) return [];
    const lines = [`## ${escapeMarkdownText(group.name)} (${group.papers.length})`];
    const elsewhere: string[] = [];
    for (const paper of group.papers) {
      if (shown.has(paper.id)) {
        const first = selection.groupsOf.get(paper.id)?.[0] ?? '';
        elsewhere.push(`- ${link(input, paper)} — shown under ${escapeMarkdownText(first)}`);
        continue;
      }
      shown.add(paper.id);
      lines.push('', ...paperEntry(input, paper, group.name));
    }
    if (elsewhere.length) lines.push('', 'Also in this group:', ...elsewhere);
    return [lines];
  });
}

function updatedSection(input: DailyNoteInput): string[] {
  const { updated } = input.selection;
  if (updated.length === 0) return [];
  const lines = [`## Updated (${updated.length})`, '', 'New versions of papers you have notes for:', ''];
  for (const paper of updated) lines.push(`- ${link(input, paper)} — v${paper.version} · ${arxivLinks(paper)}`);
  return lines;
}

function paperEntry(input: DailyNoteInput, paper: Paper, groupName: string): string[] {
  const others = (input.selection.groupsOf.get(paper.id) ?? []).filter((g) => g !== groupName);
  const facts = [authorLine(paper), escapeMarkdownText(paper.categories.join(', ') || paper.primaryCategory), arxivLinks(paper)];
  if (input.zoteroLinks) facts.push(zoteroLink(paper.id, input.zoteroLinks.get(paper.id)));
  if (paper.announceType === 'cross') facts.push('cross-list');
  if (paper.version > 1) facts.push(`v${paper.version}`);
  if (others.length) facts.push(`also in ${others.map(escapeMarkdownText).join(', ')}`);
  const abstract = markdownParagraphs(paper.abstract);
  // A translation goes under the English it translates; the TL;DR titles the folded callout, so
  // it shows while skimming. The English is always there.
  const enrichment = input.enrichments?.get(paper.id);
  const translatedTitle = translatedTitleMarkdown(enrichment);
  const tldr = tldrMarkdown(enrichment);
  const pending = pendingLine(enrichment);
  const quoted = [...abstract, ...translatedAbstractMarkdown(enrichment)];
  return [
    `### ${link(input, paper)}`,
    ...(translatedTitle ? [translatedTitle, ''] : []),
    facts.filter(Boolean).join(' · '),
    ...(pending ? ['', pending] : []),
    '',
    `> [!abstract]- ${tldr ? `TL;DR: ${tldr}` : 'Abstract'}`,
    ...(abstract.length
      ? quoted
          .join('\n\n')
          .split('\n')
          .map((l) => (l ? `> ${l}` : '>'))
      : ['> *No abstract.*']),
  ];
}

function authorLine(paper: Paper): string {
  const names = paper.authors.map((a) => escapeMarkdownText(a.name.replace(/\s+/g, ' ').trim()));
  if (names.length <= AUTHORS_SHOWN + 1) return names.join(', ');
  return `${names.slice(0, AUTHORS_SHOWN).join(', ')} et al.`;
}

function zoteroLink(id: string, itemKey: string | undefined): string {
  return itemKey
    ? `[In Zotero](zotero://select/library/items/${encodeURIComponent(itemKey)})`
    : `[Save to Zotero](obsidian://paper-feed?zotero=${encodeURIComponent(id)})`;
}

function arxivLinks(paper: Paper): string {
  return `[arXiv:${paper.id}](${paper.absUrl}) · [PDF](${paper.pdfUrl})`;
}

/**
 * A wikilink by the note's full path with the title as its text: it resolves to this note even
 * when another note in the vault has the same name, and reads as the title.
 */
function link(input: DailyNoteInput, paper: Paper, text?: string): string {
  const path = input.notePaths.get(paper.id);
  const title = text ?? (linkText(texToPlain(paper.title)) || paper.id);
  if (!path) return escapeMarkdownText(title);
  const target = path.replace(/\.md$/i, '');
  // A path the app would not have allowed (synced from elsewhere) still links, the Markdown way;
  // so does a title holding `<` or a backtick, which only a Markdown link's escaped text keeps from
  // opening HTML or a code span that would run on past the link.
  if (/[#^|[\]]/.test(target) || /[<`]/.test(title)) return `[${escapeMarkdownText(title)}](<${path.split('/').map(encodeURIComponent).join('/')}>)`;
  return `[[${target}|${title}]]`;
}

/** A paper the overview cites, as a link reading like a citation ("Böhm et al."); undefined when not matched. */
function overviewLink(input: DailyNoteInput, id: string): string | undefined {
  const paper = input.selection.matched.find((p) => p.id === id);
  if (!paper) return undefined;
  const first = paper.authors[0]?.name.replace(/\s+/g, ' ').trim() ?? '';
  const family = linkText(texToPlain(first.split(' ').at(-1) ?? ''));
  return link(input, paper, family ? `${family}${paper.authors.length > 1 ? ' et al.' : ''}` : paper.id);
}

function matchedGroups(selection: Selection): string[] {
  return selection.groups.filter((g) => g.papers.length > 0).map((g) => g.name);
}
