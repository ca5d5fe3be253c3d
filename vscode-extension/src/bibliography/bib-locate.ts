// Which .bib files a document cites from. Markdown: the ones its YAML `bibliography:` names (a
// string or a list, relative to the document, as Pandoc reads them), else the configured one.
// LaTeX: the ones its project names (latex-bibliography.ts). Any other file: none.
import * as vscode from 'vscode';
import { readFrontmatter } from '../../../core/notes/frontmatter';
import { documentKind, type DocumentKind } from '../shared/document-kind';
import { latexProject, type LatexProject } from './latex-bibliography';
import { parentOf, resolvePath } from './paths';

/** The paths in the frontmatter's `bibliography:` (string or list), as written. */
export function yamlBibliography(text: string): string[] {
  let data: Record<string, unknown>;
  try {
    data = readFrontmatter(text);
  } catch {
    return [];
  }
  const value = data.bibliography;
  const paths = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return paths
    .filter((p): p is string => typeof p === 'string')
    .map((p) => p.trim())
    .filter(Boolean);
}

function isBib(uri: vscode.Uri): boolean {
  return /\.bib$/i.test(uri.path);
}

/**
 * The .bib files for `document`, the one to add entries to first. Only `.bib` files are ever
 * returned: Paper Feed never appends to anything else, whatever a document or a setting says.
 */
export function bibliographyFor(document: Pick<vscode.TextDocument, 'uri' | 'getText'>, configured: string): vscode.Uri[] {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const documentFolder = document.uri.scheme === 'untitled' ? folder : parentOf(document.uri);
  const fromYaml = yamlBibliography(document.getText())
    .map((p) => resolvePath(p, documentFolder))
    .filter((u): u is vscode.Uri => u !== undefined && isBib(u));
  if (fromYaml.length > 0) return fromYaml;
  const fromSetting = configured ? resolvePath(configured, folder) : undefined;
  return fromSetting && isBib(fromSetting) ? [fromSetting] : [];
}

export interface DocumentBibliography {
  kind: DocumentKind;
  /** The .bib files, the one entries are added to first. */
  files: vscode.Uri[];
  /** For LaTeX: the project the document belongs to. */
  latex?: LatexProject;
}

export async function documentBibliography(
  document: Pick<vscode.TextDocument, 'uri' | 'getText' | 'languageId'>,
  configured: string,
): Promise<DocumentBibliography> {
  const kind = documentKind(document);
  if (kind === 'pandoc') return { kind, files: bibliographyFor(document, configured) };
  if (kind === 'other') return { kind, files: [] };
  const latex = await latexProject(document);
  return { kind, files: latex.bibFiles, latex };
}
