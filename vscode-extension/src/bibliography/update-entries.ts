// "Paper Feed: Update arXiv Entries in the Bibliography…": looks the .bib's arXiv
// entries up on arXiv (100 ids per request, through the shared polite client, cancellable), shows
// the change as a diff, and writes only after the person says so. Keys never change; entries
// Paper Feed did not write are updated only when the person includes them; the file is read again
// before writing and left alone if it changed meanwhile.
import * as vscode from 'vscode';
import { lookUpIds } from '../../../core/arxiv/id-lookup';
import { arxivIdsIn, planBibUpdate, type BibUpdatePlan } from '../../../core/cite/bib-update';
import { PaperFeedError } from '../../../core/errors';
import { registerCommand } from '../shared/commands';
import { currentText, replaceText } from '../shared/text-files';
import { documentBibliography } from './bib-locate';
import { resolvePath } from './paths';
import type { ArxivClient } from '../../../core/arxiv/polite';
import type { CitationSettings, ExtensionSettings } from '../settings/settings';

/** What updating a .bib uses of the extension's services (extension.ts hands them over). */
export interface BibUpdateServices {
  arxiv(): ArxivClient;
  citationSettings: (scope?: vscode.Uri) => CitationSettings;
  settings: () => ExtensionSettings;
}

export const UPDATE_BIB_COMMAND = 'paperFeed.updateBibEntries';
const PREVIEW_SCHEME = 'paper-feed-bib-preview';
const UPDATE = 'Update';
const ONLY_OURS = "Only Paper Feed's";
const INCLUDE_MINE = 'Include mine';

/** The updated text shown on the right of the diff, by preview URI. */
class PreviewTexts implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export function registerBibUpdate(context: vscode.ExtensionContext, services: BibUpdateServices): void {
  const previews = new PreviewTexts();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    registerCommand(UPDATE_BIB_COMMAND, async (target: unknown) => updateBibEntries(services, previews, target instanceof vscode.Uri ? target : undefined)),
  );
}

/** The .bib to update: the one given, the one in the editor, the active document's, else the setting's. */
async function bibToUpdate(services: BibUpdateServices, given: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document;
  if (active && /\.bib$/i.test(active.uri.path)) return active.uri;
  if (active) {
    const found = await documentBibliography(active, services.citationSettings(active.uri).bibliography);
    if (found.files[0]) return found.files[0];
  }
  const configured = services.citationSettings().bibliography;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return configured ? resolvePath(configured, folder) : undefined;
}

async function updateBibEntries(services: BibUpdateServices, previews: PreviewTexts, given: vscode.Uri | undefined): Promise<void> {
  const file = await bibToUpdate(services, given);
  if (!file) {
    void vscode.window.showInformationMessage('Paper Feed found no .bib to update: open it, or set "paperFeed.bibliography", and run the command again.');
    return;
  }
  const name = file.path.replace(/^.*\//, '');
  const before = await currentText(file);
  if (before === undefined) throw new PaperFeedError('bad-config', `${name} does not exist; check "paperFeed.bibliography" and run the command again.`);
  const ids = arxivIdsIn(before);
  if (ids.length === 0) {
    void vscode.window.showInformationMessage(`${name} has no arXiv entries (none has an eprint field naming an arXiv id); nothing to update.`);
    return;
  }
  const settings = services.settings();
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Paper Feed: looking up ${name}'s ${ids.length} arXiv entries`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const listener = token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        return await lookUpIds(services.arxiv(), settings.apiBase, ids, {
          signal: abort.signal,
          onBatch: (done, total) => {
            progress.report({ message: `${done} of ${total}`, increment: (100 * (done - reported)) / total });
            reported = done;
          },
        });
      } finally {
        listener.dispose();
      }
    },
  );
  let plan = planBibUpdate(before, found.papers);
  if (plan.notOurs.length > 0) {
    const choice = await vscode.window.showInformationMessage(
      plan.notOurs.length === 1
        ? `The arXiv entry ${plan.notOurs[0]} in ${name} was not written by Paper Feed. Update it to arXiv's current form too? Its key stays.`
        : `${plan.notOurs.length} arXiv entries in ${name} were not written by Paper Feed (${listed(plan.notOurs)}). Update them to arXiv's current form too? Their keys stay.`,
      { modal: true },
      ONLY_OURS,
      INCLUDE_MINE,
    );
    if (choice === undefined) return;
    if (choice === INCLUDE_MINE) plan = planBibUpdate(before, found.papers, { includeOthers: true });
  }
  const notes = problems(plan, found.missing);
  if (plan.changes.length === 0) {
    void vscode.window.showInformationMessage(`Every arXiv entry in ${name} is current.${notes}`);
    return;
  }
  const preview = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${name}`, query: String(Date.now()) });
  previews.set(preview, plan.text);
  await vscode.commands.executeCommand(
    'vscode.diff',
    file,
    preview,
    `${name} ↔ arXiv now (${plan.changes.length} ${plan.changes.length === 1 ? 'entry' : 'entries'})`,
  );
  const answer = await vscode.window.showInformationMessage(
    `Update ${plan.changes.length} ${plan.changes.length === 1 ? 'entry' : 'entries'} in ${name}?`,
    { modal: true, detail: `${plan.changes.map((c) => `${c.key}: ${c.summary}`).join('\n')}${notes}` },
    UPDATE,
  );
  // The preview has served its purpose either way; left open it would show two equal sides.
  await closePreview(preview);
  if (answer !== UPDATE) return;
  await writeUpdate(file, name, before, plan);
  void vscode.window.showInformationMessage(
    `Paper Feed updated ${plan.changes.length} ${plan.changes.length === 1 ? 'entry' : 'entries'} in ${name}: ${listed(plan.changes.map((c) => c.key))}.`,
  );
}

/** Writes the plan if the file still reads as it did; through the editor when it is open. */
async function writeUpdate(file: vscode.Uri, name: string, before: string, plan: BibUpdatePlan): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  const now = open ? open.getText() : await currentText(file);
  if (now !== before) throw new PaperFeedError('vault', `${name} changed while the preview was open; nothing was written. Run the command again.`);
  if (!open) {
    await replaceText(file, plan.text);
    return;
  }
  const hadOwnChanges = open.isDirty;
  const edit = new vscode.WorkspaceEdit();
  // One edit per entry, so nothing outside the changed entries is touched, and one undo step.
  let offset = 0;
  for (const change of plan.changes) {
    const start = before.indexOf(change.before, offset);
    edit.replace(file, new vscode.Range(open.positionAt(start), open.positionAt(start + change.before.length)), change.after);
    offset = start + change.before.length;
  }
  await vscode.workspace.applyEdit(edit);
  if (!hadOwnChanges) await open.save();
}

/** Closes the diff tab showing `preview`, wherever it is. */
async function closePreview(preview: vscode.Uri): Promise<void> {
  const shown = preview.toString();
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === shown);
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

function problems(plan: BibUpdatePlan, missing: readonly string[]): string {
  const lines: string[] = [];
  if (missing.length > 0) lines.push(`Not found on arXiv (left as they are): ${listed(missing)}.`);
  for (const { key, fields } of plan.unsafe) lines.push(`${key} was left as it is: its new ${fields.join(', ')} would not read back as written.`);
  return lines.length > 0 ? `\n${lines.join('\n')}` : '';
}

function listed(items: readonly string[]): string {
  return items.length <= 5 ? items.join(', ') : `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;
}
