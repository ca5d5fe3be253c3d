// A QuickPick over every kept paper, searchable by title, authors, arXiv id and citekey.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { authorLine, plainTitle } from '../shared/paper-markdown';
import type { Citekeys } from './citekeys';

interface PaperItem extends vscode.QuickPickItem {
  paper: Paper;
}

export function paperItems(papers: readonly Paper[], keys: Citekeys): PaperItem[] {
  return papers.map((paper) => ({
    paper,
    label: plainTitle(paper),
    description: `${paper.id} · @${keys.keyFor(paper)}`,
    detail: authorLine(paper),
  }));
}

/** Asks for one paper; undefined when dismissed or when nothing is kept (then it offers to fetch). */
export async function pickPaper(papers: readonly Paper[], keys: Citekeys, title: string): Promise<Paper | undefined> {
  if (papers.length === 0) {
    const fetch = 'Fetch Latest Papers';
    const choice = await vscode.window.showInformationMessage('Paper Feed keeps no papers yet; fetch the latest announcement first.', fetch);
    if (choice === fetch) await vscode.commands.executeCommand('paperFeed.refresh');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(paperItems(papers, keys), {
    title,
    placeHolder: 'Search by title, author, arXiv id or citekey',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.paper;
}
