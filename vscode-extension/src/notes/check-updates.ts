// "Paper Feed: Check Kept Papers for Updates", the counterpart of the Obsidian command:
// the core's catch-up check over the paper notes in the vault folder (kept ones, then those of
// the last 12 months), looked up on arXiv 100 ids per request through the shared polite client,
// each changed note rewritten by the core's note rules (the person's bytes untouched). One check
// at a time, cancellable, with progress in requests; when it ran last is kept per workspace and
// said in its progress and its result.
import * as vscode from 'vscode';
import { IDS_PER_REQUEST } from '../../../core/arxiv/id-lookup';
import { changeWords, isMajorChange } from '../../../core/catch-up/change-words';
import { checkForUpdates, type CatchUpReport } from '../../../core/catch-up/check';
import { afterCheck, lastRunWording, readCatchUpState, type CatchUpState } from '../../../core/catch-up/state';
import { isPaperFeedError } from '../../../core/errors';
import { registerCommand } from '../shared/commands';
import { WorkspaceVaultStore } from '../workspace/workspace-store';
import type { ArxivClient } from '../../../core/arxiv/polite';
import type { WorkspaceNoteIndex } from '../workspace/workspace-note-index';
import type { ExtensionSettings } from '../settings/settings';

/** What the update check uses of the extension's services (extension.ts hands them over). */
export interface UpdateCheckServices {
  arxiv(): ArxivClient;
  notes: WorkspaceNoteIndex;
  now: () => Date;
  settings: () => ExtensionSettings;
  vaultRoot(): vscode.Uri | undefined;
}

export const CHECK_UPDATES_COMMAND = 'paperFeed.checkForUpdates';
/** workspaceState key: when the check last ran in this workspace, and where a capped one stopped. */
export const CHECK_STATE_KEY = 'paperFeed.updateCheck';
export const SHOW_CHANGES = 'Show Changes';

export function registerUpdateCheck(context: vscode.ExtensionContext, services: UpdateCheckServices): void {
  let running: Promise<void> | undefined;
  context.subscriptions.push(
    registerCommand(CHECK_UPDATES_COMMAND, async () => {
      if (running) {
        void vscode.window.showInformationMessage('Paper Feed is already checking your papers for updates; it will say when it is done.');
        return running;
      }
      running = checkKeptPapers(context, services).finally(() => (running = undefined));
      return running;
    }),
  );
}

/** When the check last ran in this workspace, in words ("never", "3 days ago"). */
export function lastChecked(context: vscode.ExtensionContext, now: Date): string {
  return lastRunWording(storedState(context).lastRun, now);
}

function storedState(context: vscode.ExtensionContext): CatchUpState {
  const stored = context.workspaceState.get<unknown>(CHECK_STATE_KEY);
  return readCatchUpState(stored === undefined ? null : JSON.stringify(stored));
}

async function checkKeptPapers(context: vscode.ExtensionContext, services: UpdateCheckServices): Promise<void> {
  const root = services.vaultRoot();
  if (!root) {
    void vscode.window.showInformationMessage('Open the folder (or Obsidian vault) that holds your paper notes first; Paper Feed checks the notes in it.');
    return;
  }
  const settings = services.settings();
  const state = storedState(context);
  const previous = lastRunWording(state.lastRun, services.now());
  const store = new WorkspaceVaultStore(root, services.notes);
  let report: CatchUpReport;
  try {
    report = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Paper Feed: checking your papers on arXiv for updates (last checked ${previous})`,
        cancellable: true,
      },
      async (progress, token) => {
        const abort = new AbortController();
        const listener = token.onCancellationRequested(() => abort.abort());
        let reported = 0;
        try {
          return await checkForUpdates(store, {
            client: services.arxiv(),
            apiBase: settings.apiBase,
            now: services.now().getTime(),
            keepKeys: settings.config.library.keepKeys,
            cursor: state.cursor,
            ...(state.newestChecked ? { newestChecked: state.newestChecked } : {}),
            signal: abort.signal,
            onProgress: (done, total) => {
              const requests = Math.ceil(total / IDS_PER_REQUEST);
              progress.report({
                message: `${Math.ceil(done / IDS_PER_REQUEST)} of ${requests} ${requests === 1 ? 'request' : 'requests'}`,
                increment: (100 * (done - reported)) / total,
              });
              reported = done;
            },
          });
        } finally {
          listener.dispose();
        }
      },
    );
  } catch (error) {
    if (!isPaperFeedError(error) || error.kind !== 'cancelled') throw error;
    void vscode.window.showInformationMessage(`Paper Feed: ${error.message}`);
    return;
  }
  // Only where the checks are is kept: VS Code writes no daily note to list the changes in.
  const next = afterCheck(state, report, services.now());
  await context.workspaceState.update(CHECK_STATE_KEY, {
    ...(next.lastRun ? { lastRun: next.lastRun } : {}),
    cursor: next.cursor,
    ...(next.newestChecked ? { newestChecked: next.newestChecked } : {}),
  });
  const choice = await vscode.window.showInformationMessage(checkSummary(report, previous), ...(report.updates.length > 0 ? [SHOW_CHANGES] : []));
  if (choice === SHOW_CHANGES) await showChanges(root, report);
}

/**
 * "Paper Feed checked 24 papers on arXiv (1 request): 2 published or updated, 1 not found on
 * arXiv (0808.9999) and left as it is. Previous check: 3 days ago."
 */
export function checkSummary(report: CatchUpReport, previous: string): string {
  const papers = `${report.checked} ${report.checked === 1 ? 'paper' : 'papers'}`;
  const requests = `${report.requests} ${report.requests === 1 ? 'request' : 'requests'}`;
  const head = report.cancelled
    ? `Paper Feed stopped after updating ${report.updates.length} ${report.updates.length === 1 ? 'note' : 'notes'} because the check was cancelled; the next check finishes the rest`
    : report.checked === 0
      ? 'Paper Feed found no kept or recent paper notes to check (notes with an arxiv_id, kept by your keep keys or from the last 12 months)'
      : `Paper Feed checked ${papers} on arXiv (${requests}): ${report.updates.length} published or updated`;
  const parts = [head];
  if (report.missing.length > 0) {
    const shown = report.missing
      .slice(0, 3)
      .map((m) => m.id)
      .join(', ');
    parts.push(
      `${report.missing.length} not found on arXiv (${shown}${report.missing.length > 3 ? ', …' : ''}) and left as ${report.missing.length === 1 ? 'it is' : 'they are'}`,
    );
  }
  const waiting = report.candidates - report.checked;
  if (waiting > 0 && !report.cancelled) parts.push(`${waiting} left for the next check`);
  if (report.skipped.length > 0)
    parts.push(`${report.skipped.length} left as ${report.skipped.length === 1 ? 'it is' : 'they are'}: ${report.skipped[0]!.reason}`);
  return `${parts.join(', ')}. Previous check: ${previous}.`;
}

/** The changed notes in a list, withdrawn, new versions and published ones first; the one picked opens. */
async function showChanges(root: vscode.Uri, report: CatchUpReport): Promise<void> {
  const ordered = [...report.updates.filter(isMajorChange), ...report.updates.filter((u) => !isMajorChange(u))];
  const items = ordered.map((update) => ({ label: update.title, description: changeWords(update), detail: update.path, path: update.path }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Papers published or updated on arXiv',
    placeHolder: 'Open a note',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) await vscode.window.showTextDocument(vscode.Uri.joinPath(root, ...picked.path.split('/')), { preview: false });
}
