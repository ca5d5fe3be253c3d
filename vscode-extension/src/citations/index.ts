// Citations, wired: the insert / copy commands and the completion, hover, drop and paste providers
// for Markdown (Pandoc) and LaTeX documents. Everything registered here goes into context.subscriptions.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { registerCommand } from '../shared/commands';
import { namedPapers } from '../cache/named-papers';
import { pickPaper } from './paper-picker';
import { pickFormat } from './format-picker';
import { insertCitation, showBibliographyChange } from './insert-citation';
import { ADD_TO_BIBLIOGRAPHY, PaperCompletionProvider } from './completion';
import { PaperHoverProvider } from './hover';
import { CITATION_KIND, CitationDropProvider, LATEX_CITATION_KIND, PAPER_MIME } from './drop';
import { LATEX_SELECTOR, PANDOC_SELECTOR } from '../shared/document-kind';
import { CitationPasteProvider } from './paste';
import type { FeedCache } from '../cache/feed-cache';
import type { CitekeyBook } from './citekeys';
import type { Citer } from './citer';
import type { WorkspaceNoteIndex } from '../workspace/workspace-note-index';
import type { Translations } from '../enrich/translations';

/** What the citation commands use of the extension's services (extension.ts hands them over). */
export interface CitationServices {
  cache: FeedCache;
  citekeys: CitekeyBook;
  citer: Citer;
  findPaper(id: string): Promise<Paper | undefined>;
  notes: WorkspaceNoteIndex;
  papers(): Promise<Paper[]>;
  translations: Translations;
}

const WRITING: vscode.DocumentSelector = [...PANDOC_SELECTOR, ...LATEX_SELECTOR];
const STATUS_MS = 5000;

/** The papers a command names, or (from the palette) the one the person picks. */
async function papersToCite(services: CitationServices, args: unknown[], title: string): Promise<Paper[]> {
  if (args.some((a) => a !== undefined)) return namedPapers(services.cache, args);
  await services.cache.load();
  const picked = await pickPaper(services.cache.papers(), await services.citekeys.current(), title);
  return picked ? [picked] : [];
}

export function registerCitations(context: vscode.ExtensionContext, services: CitationServices): void {
  const { citer } = services;
  const completion = new PaperCompletionProvider(
    citer,
    () => services.papers(),
    () => services.notes.notes(),
  );
  const drop = new CitationDropProvider(citer, (id) => services.findPaper(id));
  const paste = new CitationPasteProvider(citer, (id) => services.findPaper(id));

  context.subscriptions.push(
    registerCommand('paperFeed.insertCitation', async (...args) => {
      const papers = await papersToCite(services, args, 'Insert citation');
      if (papers.length === 0) return;
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Open a Markdown or LaTeX file and place the cursor where the citation goes, then insert it again.');
        return;
      }
      const format = await pickFormat(citer, papers, editor.document, 'Insert citation');
      if (!format) return;
      await insertCitation(citer, editor, papers, format);
    }),

    registerCommand('paperFeed.copyCitation', async (...args) => {
      const papers = await papersToCite(services, args, 'Copy citation');
      if (papers.length === 0) return;
      const document = vscode.window.activeTextEditor?.document;
      const format = await pickFormat(citer, papers, document, 'Copy citation');
      if (!format) return;
      const plan = await citer.plan(papers, format, document);
      await vscode.env.clipboard.writeText(plan.text);
      vscode.window.setStatusBarMessage(`Paper Feed: copied ${plan.text}`, STATUS_MS);
    }),

    registerCommand('paperFeed.copyBibtex', async (...args) => {
      const papers = await papersToCite(services, args, 'Copy BibTeX');
      if (papers.length === 0) return;
      await vscode.env.clipboard.writeText(await citer.bibtex(papers));
      vscode.window.setStatusBarMessage(`Paper Feed: copied BibTeX for ${papers.length === 1 ? papers[0]!.id : `${papers.length} papers`}`, STATUS_MS);
    }),

    // Run by a completion item after it inserted a Pandoc citation; not in the palette.
    registerCommand(ADD_TO_BIBLIOGRAPHY, async (documentUri: unknown, ids: unknown) => {
      if (typeof documentUri !== 'string' || !Array.isArray(ids)) return;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(documentUri));
      const papers = (await Promise.all(ids.map((id) => services.findPaper(String(id))))).filter((p): p is Paper => p !== undefined);
      const plan = await citer.plan(papers, citer.defaultFormat(document), document);
      showBibliographyChange(await citer.writeBibliography(plan), plan.bibFile);
    }),

    vscode.languages.registerCompletionItemProvider(PANDOC_SELECTOR, completion, '@', '['),
    vscode.languages.registerCompletionItemProvider(LATEX_SELECTOR, completion, '{', ','),
    vscode.languages.registerHoverProvider(
      WRITING,
      new PaperHoverProvider(
        citer,
        (id) => services.findPaper(id),
        (paper) => services.translations.lookup(paper),
      ),
    ),
    drop,
    vscode.languages.registerDocumentDropEditProvider(WRITING, drop, {
      dropMimeTypes: [PAPER_MIME],
      providedDropEditKinds: [CITATION_KIND, LATEX_CITATION_KIND],
    }),
    paste,
    vscode.languages.registerDocumentPasteEditProvider(WRITING, paste, {
      pasteMimeTypes: ['text/plain'],
      providedPasteEditKinds: [CITATION_KIND, LATEX_CITATION_KIND],
    }),
  );
}
