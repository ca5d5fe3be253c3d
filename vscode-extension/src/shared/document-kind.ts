// Which citation language a document speaks: Pandoc (Markdown, Quarto, R Markdown: `[@key]` and a
// YAML `bibliography:`), LaTeX (`\cite{key}` and \bibliography / \addbibresource), or neither.
import type * as vscode from 'vscode';

export type DocumentKind = 'pandoc' | 'latex' | 'other';

export const PANDOC_LANGUAGES = ['markdown', 'quarto', 'rmd'] as const;
// VS Code calls .tex files "latex" and .sty/.cls "tex"; LaTeX Workshop adds "doctex" for .dtx.
export const LATEX_LANGUAGES = ['latex', 'tex', 'doctex'] as const;

export const PANDOC_SELECTOR: vscode.DocumentFilter[] = PANDOC_LANGUAGES.map((language) => ({ language }));
export const LATEX_SELECTOR: vscode.DocumentFilter[] = LATEX_LANGUAGES.map((language) => ({ language }));

export function documentKind(document: Pick<vscode.TextDocument, 'languageId'>): DocumentKind {
  if ((PANDOC_LANGUAGES as readonly string[]).includes(document.languageId)) return 'pandoc';
  if ((LATEX_LANGUAGES as readonly string[]).includes(document.languageId)) return 'latex';
  return 'other';
}
