// What a file-system error code means to a person, in a few words; shared by every message the
// CLI's store, lock and state folder give about the disk.

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this system allows',
  ENAMETOOLONG: 'the name is too long for this disk',
  ENOTDIR: 'a file stands where a folder should be',
  EISDIR: 'a folder stands where the note should be',
  EEXIST: 'a file stands where a folder should be',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
  ENOENT: 'a folder on its path is missing and could not be created',
};

/** The error's code ("ENOSPC"), or '' when it has none. */
export function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? '';
}

/** A few words for a file-system failure, e.g. "the disk is full (ENOSPC)". */
export function reasonFor(error: unknown): string {
  const code = codeOf(error);
  const reason = REASONS[code] ?? (error instanceof Error ? (error.message.split('\n')[0] ?? 'unknown error') : String(error));
  return `${reason}${code ? ` (${code})` : ''}`;
}

/** Codes for which "free some space" is the way out. */
export function isDiskFull(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'ENOSPC' || code === 'EDQUOT';
}
