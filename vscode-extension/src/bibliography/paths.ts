// Paths that documents write (a YAML `bibliography:`, \bibliography{…}, \input{…}) as URIs.
import * as vscode from 'vscode';

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/])/;

/** `path` as a URI: absolute as is, relative against `base` (a folder). Undefined for "~" paths, which only a shell can expand. */
export function resolvePath(path: string, base: vscode.Uri | undefined): vscode.Uri | undefined {
  if (path.startsWith('~')) return undefined;
  if (ABSOLUTE.test(path)) return base && base.scheme !== 'file' ? base.with({ path: path.replace(/\\/g, '/') }) : vscode.Uri.file(path);
  return base ? vscode.Uri.joinPath(base, path.replace(/\\/g, '/')) : undefined;
}

/** The folder holding `uri`. */
export function parentOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path.replace(/\/[^/]*$/, '') || '/' });
}
