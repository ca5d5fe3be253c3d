// The papers a tree or keybinding command names, found among the kept ones. A name that matches
// none (a paper from an announcement no longer kept, a mistyped id) gets one sentence, not silence.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import type { FeedCache } from './feed-cache';
import { papersFromArguments } from '../shared/paper-arguments';

export const NOT_KEPT = 'That paper is not among the papers Paper Feed keeps; search the kept ones or fetch again.';

export async function namedPapers(cache: FeedCache, args: readonly unknown[]): Promise<Paper[]> {
  await cache.load();
  const papers = papersFromArguments(args, (id) => cache.find(id));
  if (papers.length === 0) void vscode.window.showInformationMessage(NOT_KEPT);
  return papers;
}
