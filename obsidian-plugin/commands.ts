// The palette commands (no default hotkeys) and the ribbon icon. The paper commands use
// checkCallback, so they are listed only while a paper note is in view; "Cancel translation" only
// while papers are being translated. "Cancel the running fetch" is always listed and says so
// when nothing runs, so a hotkey bound to it never does nothing silently.
import { Notice, type Plugin } from 'obsidian';
import type { Actions } from './actions';
import type { Enrichment } from './enrichment-host';
import type { Fetcher } from './fetcher';
import type { UpdateCheck } from './update-check';
import type { ZoteroActions } from './zotero';

export function registerCommands(
  plugin: Plugin,
  actions: Actions,
  fetcher: Fetcher,
  enrichment: Enrichment,
  zotero: ZoteroActions,
  updates: UpdateCheck,
): void {
  plugin.addCommand({ id: 'fetch-today', name: "Fetch today's papers", callback: () => void fetcher.fetchToday('command') });
  plugin.addCommand({ id: 'open-digest', name: "Open today's paper digest", callback: () => void actions.openDigest() });
  plugin.addCommand({ id: 'fetch-range', name: 'Fetch papers for a date range…', callback: () => actions.askForRange() });
  plugin.addCommand({
    id: 'cancel-fetch',
    name: 'Cancel the running fetch',
    callback: () => {
      if (!fetcher.cancel()) new Notice('Paper Feed is not fetching anything, so there is nothing to cancel.');
    },
  });
  plugin.addCommand({ id: 'check-updates', name: 'Check kept papers for updates', callback: () => void updates.run() });
  plugin.addCommand({ id: 'find-duplicates', name: 'Find duplicate paper notes', callback: () => void actions.findDuplicates() });
  plugin.addCommand({ id: 'open-on-arxiv', name: 'Open this paper on arXiv', checkCallback: (checking) => actions.openOnArxiv(checking) });
  plugin.addCommand({ id: 'open-pdf', name: "Open this paper's PDF", checkCallback: (checking) => actions.openPdf(checking) });
  plugin.addCommand({ id: 'copy-citation', name: 'Copy citation…', checkCallback: (checking) => actions.copyCitation(checking) });
  // Zotero runs on the desktop: on phones and tablets these commands do not exist.
  if (zotero.available) {
    plugin.addCommand({ id: 'save-to-zotero', name: 'Save this paper to Zotero', checkCallback: (checking) => zotero.saveInView(checking) });
    plugin.addCommand({ id: 'open-in-zotero', name: 'Open this paper in Zotero', checkCallback: (checking) => zotero.openInView(checking) });
  }
  addCancelCommand(plugin, 'cancel-translation', 'Cancel translation', enrichment);
  addCancelCommand(plugin, 'cancel-update-check', 'Cancel the update check', updates);
  plugin.addRibbonIcon('newspaper', "Fetch today's papers and open the digest", () => void actions.fetchAndOpen());
}

/** A command listed only while `job` runs, which stops it. */
function addCancelCommand(plugin: Plugin, id: string, name: string, job: { readonly running: boolean; cancel(): void }): void {
  plugin.addCommand({
    id,
    name,
    checkCallback: (checking) => {
      if (!job.running) return false;
      if (!checking) job.cancel();
      return true;
    },
  });
}
