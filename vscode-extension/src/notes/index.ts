// Paper notes, wired: "Open or Create Paper Note" for a paper in the feed, and "Check Kept
// Papers for Updates" over the notes in the vault folder.
import type * as vscode from 'vscode';
import { registerCommand } from '../shared/commands';
import { namedPapers } from '../cache/named-papers';
import { openOrCreatePaperNote, type PaperNoteServices } from './open-paper-note';
import { registerUpdateCheck, type UpdateCheckServices } from './check-updates';

export function registerNotes(context: vscode.ExtensionContext, services: PaperNoteServices & UpdateCheckServices): void {
  context.subscriptions.push(
    registerCommand('paperFeed.openNote', async (...args) => {
      const [paper] = await namedPapers(services.cache, args.slice(0, 1));
      if (paper) await openOrCreatePaperNote(services, paper);
    }),
  );
  registerUpdateCheck(context, services);
}
