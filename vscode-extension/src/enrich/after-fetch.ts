// What runs after a fetch when translation is on: the announcement's matched (and updated)
// papers go to the endpoint in the background, in a progress of their own, once the feed shows;
// a reason it stopped early is shown once.
import * as vscode from 'vscode';
import type { Announcement } from '../../../core/arxiv/paper';
import type { AfterFetchWork } from '../fetching/feed-fetcher';
import { messageFor } from '../../../core/errors';
import { selectPapers } from '../../../core/select/select';
import type { WorkspaceNoteIndex } from '../workspace/workspace-note-index';
import type { ExtensionSettings } from '../settings/settings';
import type { Translations } from './translations';

export function enrichAfterFetch(
  translations: Translations,
  settings: () => ExtensionSettings,
  notes: WorkspaceNoteIndex,
): (announcement: Announcement) => AfterFetchWork | undefined {
  return (announcement) => {
    if (!translations.wanted()) return undefined;
    return async (report, signal) => {
      let stopped: string | undefined;
      try {
        const selection = selectPapers(announcement, settings().config, await notes.known());
        stopped = await translations.enrich([...selection.matched, ...selection.updated], report, signal);
      } catch (error) {
        // The fetch itself succeeded and is kept; translation only adds to it.
        stopped = messageFor(error);
      }
      // A cancel is the person's own doing; anything else (a rejected key, the budget) is worth a line.
      if (stopped && !signal.aborted) void vscode.window.showWarningMessage(`Paper Feed: ${stopped}`);
    };
  };
}
