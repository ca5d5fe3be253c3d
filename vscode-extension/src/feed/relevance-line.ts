// The tooltip's line for a ranked paper: "Relevance 0.42 — close to “Paper A”; shares
// *diffusion policy*", with every piece of paper or library text escaped for the MarkdownString.
import { explain } from '../../../core/rank/explain';
import type { RankedPaper } from '../../../core/rank/score';
import { metadataText } from '../../../core/notes/note-values';
import { escapeMarkdown } from '../shared/paper-markdown';

export function relevanceLine(item: RankedPaper): string {
  const reason = explain(
    { ...item, followedAuthors: item.followedAuthors.map(escapeMarkdown) },
    { reference: (paper) => `“${escapeMarkdown(metadataText(paper.title))}”`, phrase: (text) => `*${escapeMarkdown(text)}*` },
  );
  return `Relevance ${escapeMarkdown(item.score.toFixed(2))}${reason ? ` — ${reason}` : ''}`;
}
