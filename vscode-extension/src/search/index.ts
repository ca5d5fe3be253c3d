// Search, wired: pick any kept paper and insert its citation (the document's default format:
// \cite in LaTeX) at every cursor; without an editor, the citation goes to the clipboard instead.
import * as vscode from 'vscode';
import { registerCommand } from '../shared/commands';
import { insertCitation } from '../citations/insert-citation';
import { pickPaper } from '../citations/paper-picker';
import type { CitekeyBook } from '../citations/citekeys';
import type { Citer } from '../citations/citer';
import type { Paper } from '../../../core/arxiv/paper';

/** What the search command uses of the extension's services (extension.ts hands them over). */
export interface SearchServices {
  citekeys: CitekeyBook;
  citer: Citer;
  papers(): Promise<Paper[]>;
}

export function registerSearch(context: vscode.ExtensionContext, services: SearchServices): void {
  context.subscriptions.push(
    registerCommand('paperFeed.search', async () => {
      const paper = await pickPaper(await services.papers(), await services.citekeys.current(), 'Search cached papers');
      if (!paper) return;
      const editor = vscode.window.activeTextEditor;
      if (editor) {
        await insertCitation(services.citer, editor, [paper], services.citer.defaultFormat(editor.document));
        return;
      }
      const { text } = await services.citer.plan([paper], services.citer.defaultFormat(undefined));
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(`No editor is open, so ${text} was copied to the clipboard.`);
    }),
  );
}
