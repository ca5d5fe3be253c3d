// `npm version X.Y.Z` runs this (the "version" script) after it has set package.json's version:
// it writes the same version to the Obsidian manifest, versions.json, the VS Code manifest and
// the User-Agent, and turns CHANGELOG.md's "Unreleased" section into this release's.
// `node scripts/release/sync-version.mjs [ROOT]`; ROOT defaults to the repository.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION_PLACES, disagreements, sourceVersion } from './version-files.mjs';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
const version = sourceVersion(root);
for (const place of VERSION_PLACES) place.write(root, version);
datedChangelog(path.join(root, 'CHANGELOG.md'), version, new Date().toISOString().slice(0, 10));

const left = disagreements(root);
if (left.length > 0) {
  console.error(`The version could not be set everywhere: ${left.join('; ')}.`);
  process.exit(1);
}
console.log(`Version ${version} written to package.json, ${VERSION_PLACES.map((p) => p.file).join(', ')} and CHANGELOG.md.`);

/** "## [Unreleased]" becomes "## [X.Y.Z] - DATE" under a fresh, empty "## [Unreleased]". */
function datedChangelog(file, version, date) {
  const text = readFileSync(file, 'utf8');
  if (text.includes(`## [${version}]`)) return;
  if (!text.includes('## [Unreleased]')) {
    console.error('CHANGELOG.md has no "## [Unreleased]" section; add one with what changed, then run npm version again.');
    process.exit(1);
  }
  const compare = text.match(/^\[Unreleased\]: (.*)\/compare\/(.+)\.\.\.HEAD$/m);
  let dated = text.replace('## [Unreleased]', `## [Unreleased]\n\n## [${version}] - ${date}`);
  if (compare) {
    const [line, base, previous] = compare;
    dated = dated.replace(line, `[Unreleased]: ${base}/compare/${version}...HEAD\n[${version}]: ${base}/compare/${previous}...${version}`);
  }
  writeFileSync(file, dated);
}
