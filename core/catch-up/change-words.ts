// What a catch-up check changed in one note, in a few words ("v1 → v3, published in Phys. Rev. D
// 108, 034512 (2023) (doi:…)"), for the CLI's lines and VS Code's list of changes alike.

import type { PaperUpdate } from '../notes/published-and-updated';

export function changeWords(update: PaperUpdate): string {
  const words: string[] = [];
  if (update.changed.includes('withdrawn') && update.withdrawn) words.push('withdrawn');
  if (update.changed.includes('version')) words.push(`v${update.fromVersion} → v${update.toVersion}`);
  if ((update.changed.includes('journal_ref') || update.changed.includes('doi')) && (update.journalRef || update.doi)) {
    words.push(`published${update.journalRef ? ` in ${update.journalRef}` : ''}${update.doi ? ` (doi:${update.doi})` : ''}`);
  }
  if (words.length === 0) {
    const rest = [...(update.changed.includes('comment') ? ['comment'] : []), ...(update.changed.includes('updated') ? ['date of the latest version'] : [])];
    if (rest.length > 0) words.push(`new ${rest.join(' and ')}`);
  }
  return words.join(', ');
}

/** Whether a change is one a person acts on (withdrawn, a new version, published), not only new details. */
export function isMajorChange(update: PaperUpdate): boolean {
  return update.changed.some((c) => c === 'withdrawn' || c === 'version' || c === 'journal_ref' || c === 'doi');
}
