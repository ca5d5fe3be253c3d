// Which note a link's path leads to, the way Obsidian's metadataCache.getFirstLinkpathDest answers
// (observed on Obsidian 1.13): an exact vault path first; a path starting "./" or "../" only from
// the linking note's folder; otherwise any note whose path ends with the link's path, the one
// beside the linking note first, else the shortest path. Names compare without regard to case.
// The Obsidian plugin asks the app itself; the CLI and the tests' stand-in use this.

/** The vault path a link's path leads to from the note at `sourcePath`, or null when none. */
export type LinkResolver = (linkpath: string, sourcePath: string) => string | null;

/** Resolves among `paths` (vault paths with extensions), as Obsidian does among a vault's files. */
export function resolveAmong(paths: Iterable<string>): LinkResolver {
  const byLowerPath = new Map<string, string[]>();
  const byLowerName = new Map<string, string[]>();
  for (const path of paths) {
    push(byLowerPath, path.toLowerCase(), path);
    push(byLowerName, (path.split('/').pop() ?? path).toLowerCase(), path);
  }
  return (linkpath, sourcePath) => resolveLinkpath(linkpath, sourcePath, byLowerPath, byLowerName);
}

function resolveLinkpath(
  linkpath: string,
  sourcePath: string,
  byLowerPath: ReadonlyMap<string, string[]>,
  byLowerName: ReadonlyMap<string, string[]>,
): string | null {
  const wanted = linkpath.trim().replace(/^\/+/, '');
  if (wanted === '') return byLowerPath.has(sourcePath.toLowerCase()) ? sourcePath : null;
  const exact = (path: string) => pick(byLowerPath.get(path.toLowerCase()) ?? byLowerPath.get(`${path}.md`.toLowerCase()), path);
  const folder = sourcePath.includes('/') ? sourcePath.slice(0, sourcePath.lastIndexOf('/')) : '';
  if (/^\.\.?\//.test(wanted)) {
    const joined = joinRelative(folder, wanted);
    return joined === null ? null : exact(joined);
  }
  const found = exact(wanted);
  if (found) return found;
  const withExtension = /\.[^/.]+$/.test(wanted) ? [wanted, `${wanted}.md`] : [`${wanted}.md`];
  for (const full of withExtension) {
    const lower = full.toLowerCase();
    const name = lower.split('/').pop()!;
    const candidates = (byLowerName.get(name) ?? []).filter((path) => {
      const p = path.toLowerCase();
      return p === lower || p.endsWith(`/${lower}`);
    });
    if (candidates.length === 0) continue;
    const beside = `${folder === '' ? '' : `${folder}/`}${lower}`;
    const near = candidates.filter((path) => path.toLowerCase() === beside);
    if (near.length > 0) return pick(near, `${folder === '' ? '' : `${folder}/`}${full}`);
    return [...candidates].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0]!;
  }
  return null;
}

/** Of paths that differ only in case, the one spelled as asked, else the first in code order. */
function pick(paths: readonly string[] | undefined, asked: string): string | null {
  if (!paths || paths.length === 0) return null;
  return paths.find((p) => p === asked || p === `${asked}.md`) ?? [...paths].sort()[0]!;
}

/** `relative` ("./x", "../a/x") from `folder`, or null when it climbs out of the vault. */
function joinRelative(folder: string, relative: string): string | null {
  const parts = folder === '' ? [] : folder.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
