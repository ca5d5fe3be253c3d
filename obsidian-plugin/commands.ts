// The palette commands (no default hotkeys) and the ribbon icon. The paper commands use
// checkCallback, so they are listed only while a paper note is in view; "Cancel translation" only
// while papers are being translated.
import type { Plugin } from 'obsidian';
import type { Actions } from './actions';
import type { Enrichment } from './enrichment';
import type { Fetcher } from './fetcher';

export function registerCommands(plugin: Plugin, actions: Actions, fetcher: Fetcher, enrichment: Enrichment): void {
  plugin.addCommand({ id: 'fetch-today', name: "Fetch today's papers", callback: () => void fetcher.fetchToday('command') });
  plugin.addCommand({ id: 'open-digest', name: "Open today's paper digest", callback: () => void actions.openDigest() });
  plugin.addCommand({ id: 'fetch-range', name: 'Fetch papers for a date range…', callback: () => actions.askForRange() });
  plugin.addCommand({ id: 'open-on-arxiv', name: 'Open this paper on arXiv', checkCallback: (checking) => actions.openOnArxiv(checking) });
  plugin.addCommand({ id: 'open-pdf', name: "Open this paper's PDF", checkCallback: (checking) => actions.openPdf(checking) });
  plugin.addCommand({ id: 'copy-citation', name: 'Copy citation…', checkCallback: (checking) => actions.copyCitation(checking) });
  plugin.addCommand({
    id: 'cancel-translation',
    name: 'Cancel translation',
    checkCallback: (checking) => {
      if (!enrichment.running) return false;
      if (!checking) enrichment.cancel();
      return true;
    },
  });
  plugin.addRibbonIcon('newspaper', "Fetch today's papers and open the digest", () => void actions.fetchAndOpen());
}
