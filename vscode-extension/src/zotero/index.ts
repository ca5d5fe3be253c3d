// "Save to Zotero", wired: the tree's context menu saves the clicked paper (and the
// others selected with it) unless Zotero has it, and offers to show it in Zotero.
import * as vscode from 'vscode';
import { texToPlain } from '../../../core/text/tex-tokens';
import { saveMessage, zoteroSelectLink } from '../../../core/zotero/zotero';
import { registerCommand } from '../shared/commands';
import { namedPapers } from '../cache/named-papers';
import type { FeedCache } from '../cache/feed-cache';
import type { CitekeyBook } from '../citations/citekeys';
import type { ExtensionSettings } from '../settings/settings';
import type { ZoteroService } from '../zotero/zotero-service';

/** What the Zotero commands use of the extension's services (extension.ts hands them over). */
export interface ZoteroServices {
  cache: FeedCache;
  citekeys: CitekeyBook;
  settings: () => ExtensionSettings;
  zotero: ZoteroService;
}

const OPEN = 'Open in Zotero';

export function registerZotero(context: vscode.ExtensionContext, services: ZoteroServices): void {
  // The tree's menu item shows only where Zotero can be reached (not in VS Code for the web).
  void vscode.commands.executeCommand('setContext', 'paperFeed.zoteroAvailable', services.zotero.available);
  context.subscriptions.push(
    registerCommand('paperFeed.saveToZotero', async (...args: unknown[]) => {
      if (!services.zotero.available) {
        void vscode.window.showInformationMessage('Saving to Zotero works in VS Code on the desktop, where Zotero runs.');
        return;
      }
      const papers = await namedPapers(services.cache, args);
      if (papers.length === 0) return;
      const zotero = services.zotero.zotero(services.settings().config);
      for (const paper of papers) {
        const outcome = await zotero.save(paper);
        services.zotero.stale();
        const message = saveMessage(texToPlain(paper.title), outcome);
        const itemKey = outcome.itemKey;
        if (outcome.citekeyProblem) void vscode.window.showWarningMessage(outcome.citekeyProblem);
        void (itemKey ? vscode.window.showInformationMessage(message, OPEN) : vscode.window.showInformationMessage(message)).then((choice) => {
          if (choice === OPEN && itemKey) void vscode.env.openExternal(vscode.Uri.parse(zoteroSelectLink(itemKey)));
        });
      }
      services.citekeys.invalidate();
    }),
  );
}
