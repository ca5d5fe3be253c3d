// Links out, wired: a paper's abstract page and its PDF, opened in the browser.
import * as vscode from 'vscode';
import { registerCommand } from '../shared/commands';
import { namedPapers } from '../cache/named-papers';
import { absUrl, pdfUrl } from '../shared/paper-markdown';
import type { FeedCache } from '../cache/feed-cache';

/** What the link commands use of the extension's services (extension.ts hands them over). */
export interface LinkServices {
  cache: FeedCache;
}

export function registerLinks(context: vscode.ExtensionContext, services: LinkServices): void {
  const open =
    (link: typeof absUrl) =>
    async (...args: unknown[]) => {
      // Only the item that was clicked: a context menu should not open a browser tab per selected paper.
      const [paper] = await namedPapers(services.cache, args.slice(0, 1));
      if (paper) await vscode.env.openExternal(vscode.Uri.parse(link(paper)));
    };
  context.subscriptions.push(registerCommand('paperFeed.openOnArxiv', open(absUrl)), registerCommand('paperFeed.openPdf', open(pdfUrl)));
}
