// Dragging papers from the tree into Markdown, and pasting arXiv links as citations: what the
// tree puts on the drag, the edits the providers offer, and when the .bib is written.
import { afterEach, describe, expect, it } from 'vitest';
import {
  CancellationTokenSource,
  DataTransfer,
  DataTransferItem,
  DocumentDropOrPasteEditKind,
  DocumentPasteTriggerKind,
  Position,
  Range,
  type DocumentDropEdit,
  type DocumentPasteEdit,
  type TextDocument,
  type TreeDragAndDropController,
} from 'vscode';
import { standIn } from '../stand-ins/vscode';
import type { FeedNode } from '../../vscode-extension/src/feed/feed-model';
import { latest } from './support/papers';
import { paperNode, startExtension, type Started } from './support/extension-harness';

let started: Started | undefined;
afterEach(async () => {
  await started?.stop();
  started = undefined;
});

const token = new CancellationTokenSource().token;
const PAPER_MIME = 'application/vnd.paperfeed.papers';

async function documentOf(s: Started, relative: string): Promise<TextDocument> {
  return (await s.openEditor(relative, [[0, 0]])).document as unknown as TextDocument;
}

describe('drag from the tree', () => {
  it('puts the dragged papers\' ids and their citation on the drag', async () => {
    started = await startExtension({ announcements: [latest] });
    const controller = started.view.options.dragAndDropController as TreeDragAndDropController<FeedNode>;
    expect(controller.dragMimeTypes).toEqual([PAPER_MIME, 'text/plain']);
    expect(controller.dropMimeTypes).toEqual([]);
    const data = new DataTransfer();
    const group = (await started.tree.getChildren())[0]!;
    await controller.handleDrag!([await paperNode(started.tree, '2605.20001'), group, await paperNode(started.tree, '2605.20003')], data, token);
    expect(await data.get(PAPER_MIME)!.asString()).toBe('2605.20001\n2605.20003');
    expect(await data.get('text/plain')!.asString()).toBe('[@okafor2026sparse; @nwosu2026byte]');
  });

  it('puts nothing on the drag for a group', async () => {
    started = await startExtension({ announcements: [latest] });
    const controller = started.view.options.dragAndDropController as TreeDragAndDropController<FeedNode>;
    const data = new DataTransfer();
    await controller.handleDrag!([(await started.tree.getChildren())[0]!], data, token);
    expect([...data]).toEqual([]);
  });
});

describe('drop into Markdown', () => {
  it('is registered for Markdown and the papers mime type', async () => {
    started = await startExtension({ announcements: [latest] });
    const [registration] = standIn.providers.drop;
    expect(registration!.selector).toEqual({ language: 'markdown' });
    expect(registration!.extra).toMatchObject({ dropMimeTypes: [PAPER_MIME] });
  });

  it('inserts the citation in the default format and writes the .bib only when the drop is applied', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': 'Text', 'refs.bib': '' },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const [registration] = standIn.providers.drop;
    const data = new DataTransfer();
    data.set(PAPER_MIME, new DataTransferItem('2605.20002'));
    const edit = (await registration!.provider.provideDocumentDropEdits(await documentOf(started, 'draft.md'), new Position(0, 4), data, token)) as DocumentDropEdit;
    expect(edit.insertText).toBe('[@ferrer2026consistency]');
    expect(edit.kind!.value).toBe('markdown.citation.paperFeed');
    expect(await started.read('refs.bib')).toBe('');
    await registration!.provider.resolveDocumentDropEdit!(edit, token);
    expect(await started.read('refs.bib')).toMatch(/^@misc\{ferrer2026consistency,\n/);
  });

  it('offers nothing for a drop that carries no kept paper', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '' } });
    const [registration] = standIn.providers.drop;
    const data = new DataTransfer();
    data.set(PAPER_MIME, new DataTransferItem('2401.99999'));
    expect(await registration!.provider.provideDocumentDropEdits(await documentOf(started, 'draft.md'), new Position(0, 0), data, token)).toBeUndefined();
  });
});

describe('paste an arXiv link into Markdown', () => {
  const context = { only: undefined, triggerKind: DocumentPasteTriggerKind.Automatic };
  const paste = async (s: Started, text: string) => {
    const [registration] = standIn.providers.paste;
    const data = new DataTransfer();
    data.set('text/plain', new DataTransferItem(text));
    const document = await documentOf(s, 'draft.md');
    return (await registration!.provider.provideDocumentPasteEdits!(document, [new Range(0, 0, 0, 0)], data, context, token)) as DocumentPasteEdit[] | undefined;
  };

  it('offers a kept paper\'s citation, after the plain paste, for every link form', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '' }, settings: { 'paperFeed.citationFormat': 'markdown' } });
    expect(standIn.providers.paste[0]!.extra).toMatchObject({ pasteMimeTypes: ['text/plain'] });
    for (const link of ['https://arxiv.org/abs/2605.20003', 'https://arxiv.org/pdf/2605.20003v1', 'arXiv:2605.20003', ' 2605.20003v1\n']) {
      const edits = await paste(started, link);
      expect(edits!.map((e) => [e.insertText, e.title])).toEqual([
        ['[Byte Models for Low-Resource Scripts](https://arxiv.org/abs/2605.20003)', 'Paste as citation (Markdown link)'],
      ]);
      expect(edits![0]!.yieldTo).toEqual([DocumentDropOrPasteEditKind.Text]);
    }
  });

  it('offers arXiv:ID for a paper that is not kept, and nothing for other text', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '' } });
    const edits = await paste(started, 'https://arxiv.org/abs/hep-th/9901001v3');
    expect(edits!.map((e) => [e.insertText, e.title])).toEqual([['arXiv:hep-th/9901001', 'Paste as arXiv identifier']]);
    expect(await paste(started, 'https://example.org/abs/2605.20003')).toBeUndefined();
    expect(await paste(started, 'see https://arxiv.org/abs/2605.20003 for details')).toBeUndefined();
  });

  it('adds the BibTeX entry only when the Pandoc citation is the paste that is applied', async () => {
    started = await startExtension({ announcements: [latest], files: { 'draft.md': '', 'refs.bib': '' }, settings: { 'paperFeed.bibliography': 'refs.bib' } });
    const [edit] = (await paste(started, 'https://arxiv.org/abs/2605.20001'))!;
    expect(edit!.insertText).toBe('[@okafor2026sparse]');
    expect(await started.read('refs.bib')).toBe('');
    await standIn.providers.paste[0]!.provider.resolveDocumentPasteEdit!(edit!, token);
    expect(await started.read('refs.bib')).toMatch(/^@misc\{okafor2026sparse,\n/);
  });
});
