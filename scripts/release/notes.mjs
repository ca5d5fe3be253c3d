// `node scripts/release/notes.mjs X.Y.Z`: prints CHANGELOG.md's section for X.Y.Z (without its
// heading), the notes release.yml gives the GitHub release. A version with no section is an error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const version = process.argv[2];
const changelog = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'CHANGELOG.md'), 'utf8');
const start = changelog.indexOf(`\n## [${version}]`);
if (!version || start < 0) {
  console.error(`CHANGELOG.md has no "## [${version}]" section; run "npm version ${version}" to date the Unreleased one.`);
  process.exit(1);
}
const body = changelog.slice(changelog.indexOf('\n', start + 1) + 1);
const end = body.search(/^## \[|^\[[^\]]+\]: /m);
process.stdout.write(`${(end < 0 ? body : body.slice(0, end)).trim()}\n`);
