// How the day's overview reads in the daily note: a callout that says a model wrote it, the
// paragraph with each cited paper as a link to its note. The text comes from a model, so it is
// escaped like any other text from outside.

import type { DailyOverview } from '../enrich/overview';
import { texToMarkdown } from '../text/markdown';

/** The callout's lines; `linkOf` gives the link for a cited arXiv id (undefined drops the citation). */
export function overviewLines(overview: DailyOverview, linkOf: (id: string) => string | undefined): string[] {
  const text = texToMarkdown(overview.text.replace(/\s+/g, ' ').trim());
  // Escaping leaves "\[3\]"; each becomes a link in parentheses, like a citation.
  const linked = text
    .replace(/\s*\\?\[(\d+)\\?\]/g, (_, n: string) => {
      const id = overview.ids[Number(n) - 1];
      const found = id === undefined ? undefined : linkOf(id);
      return found ? ` (${found})` : '';
    })
    .replace(/\s+([，。、；：！？,.;:!?])/g, '$1');
  return [`> [!summary] Overview · machine-written by ${texToMarkdown(overview.model)}, may be wrong`, `> ${linked.trim()}`];
}
