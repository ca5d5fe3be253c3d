// Builds and packages the VS Code extension with the project's own script, and finds the
// .vsix it wrote (the newest one, so a stale package from an earlier run is never used).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from './run-command.mjs';

const PLACES_A_VSIX_LANDS = ['.', 'dist', 'dist/vscode', 'test-output'];

function newestVsixSince(repoRoot, sinceMs) {
  const found = [];
  for (const place of PLACES_A_VSIX_LANDS) {
    const folder = path.join(repoRoot, place);
    let names;
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.vsix'))) {
      const file = path.join(folder, name);
      found.push({ file, modified: statSync(file).mtimeMs });
    }
  }
  return found.filter((f) => f.modified >= sinceMs).sort((a, b) => b.modified - a.modified)[0]?.file;
}

/** Runs `npm run package:vscode` and returns the absolute path of the .vsix it produced. */
export async function packageExtension(repoRoot) {
  // File times have coarse resolution on some file systems; allow a second of slack.
  const startedAt = Date.now() - 1_000;
  await runCommand('npm', ['run', '--silent', 'package:vscode'], { cwd: repoRoot, quiet: true });
  const vsix = newestVsixSince(repoRoot, startedAt);
  if (!vsix) {
    throw new Error(`npm run package:vscode finished but wrote no .vsix in ${PLACES_A_VSIX_LANDS.join(', ')}; check scripts/package-vscode.mjs.`);
  }
  return vsix;
}
