// The QuickPick of citation formats, each shown with the exact text it would insert and the .bib
// it would add to; the document's default is first, so Enter keeps it. In LaTeX the choices are
// the citation commands the project can use; in a file that is neither Markdown nor LaTeX the
// pick says that the text goes in as shown, with no BibTeX entry.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import type { CitationFormat } from '../../../core/config';
import { isLatexCommand, LATEX_COMMAND_NAMES } from '../shared/latex-citation';
import type { CitationPlan, Citer, CiteFormat, DocumentLike } from './citer';

export const FORMAT_NAMES: Record<CitationFormat, string> = {
  pandoc: 'Pandoc citation',
  wikilink: 'Wikilink to the paper note',
  markdown: 'Markdown link',
  arxiv: 'arXiv identifier',
};

export function formatName(format: CiteFormat): string {
  return isLatexCommand(format) ? LATEX_COMMAND_NAMES[format] : FORMAT_NAMES[format];
}

interface FormatItem extends vscode.QuickPickItem {
  format: CiteFormat;
}

/** Asks for a format; undefined when the person dismissed the pick. */
export async function pickFormat(citer: Citer, papers: readonly Paper[], document: DocumentLike | undefined, title: string): Promise<CiteFormat | undefined> {
  const formats = await citer.formatsFor(document);
  const plans = await Promise.all(formats.map((format) => citer.plan(papers, format, document)));
  const items: FormatItem[] = formats.map((format, i) => {
    const plan = plans[i]!;
    const fallback = format === 'wikilink' && !plan.text.startsWith('[[') ? ' (no paper note yet: a Markdown link)' : '';
    const bib = bibNote(plan, isLatexCommand(format));
    return {
      format,
      label: formatName(format) + fallback,
      description: i === 0 ? 'default' : undefined,
      detail: bib ? `${plan.text}  ·  ${bib}` : plan.text,
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: placeholder(document, plans[0]!), matchOnDetail: true });
  return picked?.format;
}

/** What happens to the bibliography with this choice, when that is worth saying. */
function bibNote(plan: CitationPlan, latexCommand: boolean): string | undefined {
  if (plan.bibFile && plan.additions.length > 0) return `adds BibTeX to ${plan.bibFile.path.split('/').pop()}`;
  if (latexCommand && !plan.bibFile && plan.latexRoot) {
    return `${fileName(plan.latexRoot)} names no .bib (\\bibliography{…} or \\addbibresource{…}): no BibTeX entry added`;
  }
  return undefined;
}

function placeholder(document: DocumentLike | undefined, plan: CitationPlan): string {
  if (document && plan.kind === 'other') {
    return `${fileName(document.uri)} is neither Markdown nor LaTeX: the text shown goes in as it is, and no .bib file changes`;
  }
  return 'Citation format';
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}
