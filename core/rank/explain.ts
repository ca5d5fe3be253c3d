// One line saying why a paper was picked, for the daily note's "Top picks" and VS Code's tooltip:
// "close to [[Paper A]] and [[Paper B]]; shares *diffusion policy*, *offline RL*".

import { COLD_START_MINIMUM, type NearestPaper, type RankedPaper } from './score';

export interface ExplainFormat {
  /** How to name a library paper. Default: [[note name]], or the title in quotes when it has no note. */
  reference?: (paper: NearestPaper) => string;
  /** How to mark a shared phrase. Default: *phrase* (Markdown emphasis). */
  phrase?: (text: string) => string;
}

const wikilinkOrTitle = (paper: NearestPaper): string => (paper.noteName !== undefined ? `[[${paper.noteName}]]` : `"${paper.title}"`);
const emphasis = (text: string): string => `*${text}*`;

/** The reason for one ranked paper; an empty string when there is nothing to say (cold start). */
export function explain(item: RankedPaper, format: ExplainFormat = {}): string {
  const reference = format.reference ?? wikilinkOrTitle;
  const phrase = format.phrase ?? emphasis;
  const parts: string[] = [];
  if (item.nearest.length > 0) parts.push(`close to ${item.nearest.map(reference).join(' and ')}`);
  if (item.sharedTerms.length > 0) parts.push(`shares ${item.sharedTerms.map(phrase).join(', ')}`);
  if (item.followedAuthors.length > 0) parts.push(`by ${item.followedAuthors.join(', ')}, whom you follow`);
  return parts.join('; ');
}

/** What the digest and the VS Code feed say while the library is too small to rank by. */
export function coldStartNotice(librarySize: number): string {
  return `Top picks start when your library has ${COLD_START_MINIMUM} papers (it has ${librarySize}): keep the paper notes you have read, or name a .bib or CSL-JSON file in the settings. Until then papers are listed in keyword order.`;
}
