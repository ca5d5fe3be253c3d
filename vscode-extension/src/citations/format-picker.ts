// The QuickPick of citation formats, each shown with the exact text it would insert; the
// configured default is first, so Enter keeps it.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import type { CitationFormat } from '../../../core/config';
import type { Citer, DocumentLike } from './citer';

export const FORMAT_NAMES: Record<CitationFormat, string> = {
  pandoc: 'Pandoc citation',
  wikilink: 'Wikilink to the paper note',
  markdown: 'Markdown link',
  arxiv: 'arXiv identifier',
};

const ORDER: CitationFormat[] = ['pandoc', 'wikilink', 'markdown', 'arxiv'];

interface FormatItem extends vscode.QuickPickItem {
  format: CitationFormat;
}

/** Asks for a format; undefined when the person dismissed the pick. */
export async function pickFormat(
  citer: Citer,
  papers: readonly Paper[],
  defaultFormat: CitationFormat,
  document: DocumentLike | undefined,
  title: string,
): Promise<CitationFormat | undefined> {
  const formats = [defaultFormat, ...ORDER.filter((f) => f !== defaultFormat)];
  const items: FormatItem[] = await Promise.all(
    formats.map(async (format) => {
      const plan = await citer.plan(papers, format, document);
      const fallback = format === 'wikilink' && !plan.text.startsWith('[[') ? ' (no paper note yet: a Markdown link)' : '';
      const bib = plan.additions.length > 0 && plan.bibFile ? `adds BibTeX to ${plan.bibFile.path.split('/').pop()}` : undefined;
      return {
        format,
        label: FORMAT_NAMES[format] + fallback,
        description: format === defaultFormat ? 'default' : undefined,
        detail: bib ? `${plan.text}  ·  ${bib}` : plan.text,
      };
    }),
  );
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Citation format', matchOnDetail: true });
  return picked?.format;
}
