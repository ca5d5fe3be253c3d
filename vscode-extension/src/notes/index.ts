// Paper notes, wired: "Open or Create Paper Note" for a paper in the feed, and "Check Kept
// Papers for Updates" over the notes in the vault folder.
import type * as vscode from 'vscode';
import { registerCommand } from '../shared/commands';
import { papersFromArguments } from '../shared/paper-arguments';
import { openOrCreatePaperNote, type PaperNoteServices } from './open-paper-note';
import { registerUpdateCheck, type UpdateCheckServices } from './check-updates';

export function registerNotes(context: vscode.ExtensionContext, services: PaperNoteServices & UpdateCheckServices): void {
  context.subscriptions.push(
    registerCommand('paperFeed.openNote', async (...args) => {
      await services.cache.load();
      const [paper] = papersFromArguments(args.slice(0, 1), (id) => services.cache.find(id));
      if (paper) await openOrCreatePaperNote(services, paper);
    }),
  );
  registerUpdateCheck(context, services);
}
