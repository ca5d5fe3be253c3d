// Paper Feed for VS Code: a table of contents. Each feature lives in its own folder and registers
// its commands and providers here; nothing is read or fetched until a feature is first used.
import type * as vscode from 'vscode';
import { createServices, type Services } from './services';
import { registerFeedView } from './feed/index';
import { registerCitations } from './citations/index';
import { registerSearch } from './search/index';
import { registerNotes } from './notes/index';
import { registerLinks } from './links/index';
import { registerSecrets } from './secrets/index';
import { registerZotero } from './zotero/index';
import { registerBibUpdate } from './bibliography/update-entries';

export function activate(context: vscode.ExtensionContext): void {
  registerFeatures(context, createServices(context));
}

/** Every feature, wired to `services` (tests pass services whose arXiv client they chose). */
export function registerFeatures(context: vscode.ExtensionContext, services: Services): void {
  registerFeedView(context, services);
  registerCitations(context, services);
  registerSearch(context, services);
  registerNotes(context, services);
  registerLinks(context, services);
  registerSecrets(context);
  registerZotero(context, services);
  registerBibUpdate(context, services);
}

export function deactivate(): void {
  // Everything is in context.subscriptions, which VS Code disposes.
}
