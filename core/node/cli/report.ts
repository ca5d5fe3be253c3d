// What the CLI prints when it is done: a few plain lines for a person, or the same facts as JSON.

import type { SkippedItem } from '../../arxiv/paper';
import type { WriteReport } from '../../notes/write';

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
  if (report.skipped.length > 0) lines.push(skippedLine(report.skipped));
  return lines;
}

export function skippedLine(skipped: readonly SkippedItem[]): string {
  return `  skipped ${count(skipped.length, 'item')}: ${skipped.map((s) => `${s.ref} (${s.reason.replace(/\.$/, '')})`).join('; ')}`;
}

/** The JSON for one written announcement: the report plus where, from what and by which config. */
export function reportJson(report: WriteReport, context: { vault: string; source: string; config: string }): Record<string, unknown> {
  return { status: 'written', vault: context.vault, source: context.source, config: context.config, ...report };
}
