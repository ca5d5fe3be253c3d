// What the CLI prints when it is done: a few plain lines for a person, or the same facts as JSON.

import type { SkippedItem } from '../../arxiv/paper';
import type { WriteReport } from '../../notes/write';
import { enrichCountsText, type EnrichSession } from '../../enrich/session';
import { duplicateSentence } from '../../vault/originals';

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "66 papers matched · 66 notes created · 0 updated · daily note arXiv/Daily/2026-05-29.md" */
export function summaryLine(report: WriteReport): string {
  return `${count(report.matched, 'paper')} matched · ${count(report.created.length, 'note')} created · ${report.updated.length} updated · daily note ${report.dailyNote}`;
}

/** The summary line, then per-group counts, new versions and unreadable items when there are any. */
export function reportLines(report: WriteReport): string[] {
  const lines = [summaryLine(report)];
  if (report.perGroup.length > 0) {
    lines.push(`  by group: ${report.perGroup.map((g) => `${g.name} ${g.count}`).join(' · ')}`);
  }
  if (report.updatedPapers.length > 0) {
    lines.push(`  new versions of papers you have: ${report.updatedPapers.join(', ')}`);
  }
  const picks = topPicksLine(report);
  if (picks) lines.push(picks);
  if (report.skipped.length > 0) lines.push(skippedLine(report.skipped));
  for (const duplicate of report.duplicates) lines.push(`  ${duplicateSentence(duplicate)}`);
  return lines;
}

/**
 * "  top picks: 10 by your library of 37 papers · 4 beyond your groups", once there is a library
 * to rank by; the daily note itself says what a cold start means.
 */
export function topPicksLine(report: WriteReport): string | undefined {
  const ranked = report.topPicks;
  if (!ranked || ranked.coldStart) return undefined;
  const library = `your library of ${count(ranked.librarySize, 'paper')}`;
  if (ranked.picks.length === 0) return `  top picks: none close to ${library}`;
  const beyond = ranked.beyondGroups > 0 ? ` · ${ranked.beyondGroups} beyond your groups` : '';
  return `  top picks: ${ranked.picks.length} by ${library}${beyond}`;
}

export function skippedLine(skipped: readonly SkippedItem[]): string {
  return `  skipped ${count(skipped.length, 'item')}: ${skipped.map((s) => `${s.ref} (${s.reason.replace(/\.$/, '')})`).join('; ')}`;
}

/** The JSON for one written announcement: the report plus where, from what and by which config. */
export function reportJson(report: WriteReport, context: { vault: string; source: string; config: string }): Record<string, unknown> {
  return { status: 'written', vault: context.vault, source: context.source, config: context.config, ...report };
}

/** "  translated: 7 papers · 0 from the cache · 3 failed", then why papers were left untranslated. */
export function enrichLines(session: EnrichSession): string[] {
  const summary = session.summary();
  return [`  ${enrichCountsText(summary, session.settings)}`, ...summary.reasons.map((line) => `    ${line}`)];
}
