// The progress line hosts show while enrichment runs (Obsidian Notice, VS Code withProgress,
// CLI progress bar), worded for what is being made.

import type { EnrichSettings } from './settings';

/** "Translating 12/66…", or "Summarising 12/66…" when only TL;DRs are asked for. */
export function enrichProgressText(done: number, total: number, settings: Pick<EnrichSettings, 'produce'>): string {
  const translating = settings.produce.title || settings.produce.abstract;
  return `${translating ? 'Translating' : 'Summarising'} ${done}/${total}…`;
}
