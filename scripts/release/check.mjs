// `npm run release:check [-- --tag X.Y.Z] [--dir DIR]`: checks the release folder (default
// dist/release, from `npm run release`) and the repository against Obsidian's community plugin
// rules, the VS Code marketplace fields and the CLI package's; prints each problem, exits 1 if any.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { releaseProblems } from './checks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const dir = path.resolve(option('--dir') ?? path.join(root, 'dist', 'release'));
const problems = releaseProblems({ root, dir, tag: option('--tag') });
if (problems.length > 0) {
  console.error(`✖ The release in ${path.relative(root, dir) || dir} is not ready:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`✓ The release in ${path.relative(root, dir) || dir} meets the Obsidian, VS Code and npm checks.`);
