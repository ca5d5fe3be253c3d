// The operating system's own rename, for files on this computer's disk (the desktop bundle).
// It swaps a fully written file in for the old one in a single step. VS Code's
// workspace.fs.rename cannot: with `overwrite` its file service deletes the old file first and
// then moves the new one, so for a moment the file is missing (a LaTeX build or Pandoc run that
// reads it then fails), and a crash between the two steps leaves the text only in a hidden file.
// The web bundle has no disk of its own; esbuild.config.mjs builds it with local-disk.web.ts.
import { chmod, rename, stat } from 'node:fs/promises';

/** Moves the file at `from` over the one at `to` in one step, giving it `to`'s permission bits. */
export type SwapInto = (from: string, to: string) => Promise<void>;

export const swapInto: SwapInto | undefined = async (from, to) => {
  // A note made private (chmod 600) stays private; the new file would otherwise take the default.
  await chmod(from, (await stat(to)).mode & 0o7777);
  await rename(from, to);
};
