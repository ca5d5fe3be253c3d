// Which .bib files a Markdown document cites from: the ones its YAML `bibliography:` names
// (a string or a list, relative to the document, as Pandoc reads them), else the configured one.
import * as vscode from 'vscode';
import { readFrontmatter } from '../../../core/notes/frontmatter';

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
  return paths.filter((p): p is string => typeof p === 'string').map((p) => p.trim()).filter(Boolean);
}

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/])/;

/** `path` as a URI: absolute as is, relative against `base` (a folder). Undefined for "~" paths, which only a shell can expand. */
export function resolvePath(path: string, base: vscode.Uri | undefined): vscode.Uri | undefined {
  if (path.startsWith('~')) return undefined;
  if (ABSOLUTE.test(path)) return base && base.scheme !== 'file' ? base.with({ path: path.replace(/\\/g, '/') }) : vscode.Uri.file(path);
  return base ? vscode.Uri.joinPath(base, path.replace(/\\/g, '/')) : undefined;
}

function parentOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path.replace(/\/[^/]*$/, '') || '/' });
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
