// Papers dragged out of the feed tree: their ids for the Markdown drop provider, and their
// citation as plain text for any other editor. Nothing can be dropped onto the tree.
import * as vscode from 'vscode';
import type { FeedNode } from './feed-model';
import { PAPER_MIME } from '../citations/drop';
import type { Citer } from '../citations/citer';
import type { CitationFormat } from '../../../core/config';

export class FeedDragController implements vscode.TreeDragAndDropController<FeedNode> {
  readonly dragMimeTypes = [PAPER_MIME, 'text/plain'];
  readonly dropMimeTypes: string[] = [];

  constructor(
    private readonly citer: Citer,
    private readonly format: () => CitationFormat,
  ) {}

  async handleDrag(source: readonly FeedNode[], data: vscode.DataTransfer): Promise<void> {
    const papers = source.flatMap((node) => (node.kind === 'paper' ? [node.paper] : []));
    if (papers.length === 0) return;
    data.set(PAPER_MIME, new vscode.DataTransferItem(papers.map((p) => p.id).join('\n')));
    const plan = await this.citer.plan(papers, this.format());
    data.set('text/plain', new vscode.DataTransferItem(plan.text));
  }
}
