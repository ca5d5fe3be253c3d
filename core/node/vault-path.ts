// Turns a vault-relative note path ("arXiv/Papers/x.md") into an absolute file path, and
// refuses any path that could leave the vault: "..", absolute paths, and symlinks pointing out.

import { realpath } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { PaperFeedError } from '../errors';

/** Checks the shape of a vault path and returns its segments; throws for anything unsafe. */
export function vaultPathSegments(path: string): string[] {
  const refuse = (why: string): never => {
    throw new PaperFeedError('vault', `Paper Feed refused the note path "${printable(path)}": ${why}. Check the folders in your config.`);
  };
  if (path.length === 0) refuse('it is empty');
  if (path.includes('\0')) refuse('it holds a NUL character');
  // A backslash is a separator on Windows; a drive letter or leading slash makes it absolute.
  if (path.includes('\\')) refuse('it holds a backslash; vault paths use "/"');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) refuse('it is absolute; vault paths are relative to the vault');
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '..') refuse('it climbs out of the vault with ".."');
    if (segment === '' || segment === '.') refuse('it has an empty or "." part');
  }
  return segments;
}

/** The path shown in a message: control characters replaced, bounded length. */
function printable(path: string): string {
  const clean = path.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}

export function isInside(root: string, candidate: string): boolean {
  const relative = nodePath.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !nodePath.isAbsolute(relative));
}

/**
 * The absolute path for `path` under `realRoot` (itself already a real path). The deepest part
 * that exists is resolved through symlinks and must still lie inside the root, so a symlinked
 * folder or note pointing elsewhere on disk is refused.
 */
export async function resolveInVault(realRoot: string, path: string): Promise<string> {
  const absolute = nodePath.join(realRoot, ...vaultPathSegments(path));
  let probe = absolute;
  for (;;) {
    try {
      const real = await realpath(probe);
      if (!isInside(realRoot, real)) {
        throw new PaperFeedError(
          'vault',
          `Paper Feed refused the note path "${printable(path)}": a symlink in it leads outside the vault. Remove the link or choose another folder.`,
        );
      }
      return absolute;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = nodePath.dirname(probe);
      if (parent === probe || !isInside(realRoot, parent)) return absolute;
      probe = parent;
    }
  }
}
