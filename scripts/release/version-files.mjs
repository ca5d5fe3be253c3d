// Where Paper Feed's version is written down besides the root package.json (the one source), and
// how to read and write it in each. `npm version` runs sync-version.mjs, which uses this; the
// version test reads the same list, so a new place is added here once.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const USER_AGENT_FILE = 'core/arxiv/polite.ts';
const USER_AGENT = /(DEFAULT_USER_AGENT = 'PaperFeed\/)([^ ']+)( )/;

function readJson(root, file) {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8'));
}

function writeJson(root, file, value) {
  writeFileSync(path.join(root, file), JSON.stringify(value, null, 2) + '\n');
}

/** The root package.json's version: the one source. */
export function sourceVersion(root) {
  return readJson(root, 'package.json').version;
}

/** Each place, with the version it holds now and a way to set it. */
export const VERSION_PLACES = [
  {
    file: 'obsidian-plugin/manifest.json',
    read: (root) => readJson(root, 'obsidian-plugin/manifest.json').version,
    write: (root, version) => writeJson(root, 'obsidian-plugin/manifest.json', { ...readJson(root, 'obsidian-plugin/manifest.json'), version }),
  },
  {
    // Obsidian and BRAT read the plugin's manifest from the repository root: a copy of the
    // plugin's own, kept whole so the two never drift apart.
    file: 'manifest.json',
    read: (root) => {
      const copy = readJson(root, 'manifest.json');
      const plugin = readJson(root, 'obsidian-plugin/manifest.json');
      return JSON.stringify(copy) === JSON.stringify(plugin) ? copy.version : `${copy.version} (and differs from obsidian-plugin/manifest.json)`;
    },
    write: (root) => writeJson(root, 'manifest.json', readJson(root, 'obsidian-plugin/manifest.json')),
  },
  {
    // Obsidian reads versions.json to find the newest plugin version an older app can run.
    file: 'versions.json',
    read: (root) => {
      const versions = readJson(root, 'versions.json');
      const minApp = readJson(root, 'obsidian-plugin/manifest.json').minAppVersion;
      const newest = Object.keys(versions).at(-1);
      return versions[newest] === minApp ? newest : `${newest} (needs Obsidian ${versions[newest]}, manifest says ${minApp})`;
    },
    write: (root, version) => {
      const minApp = readJson(root, 'obsidian-plugin/manifest.json').minAppVersion;
      const versions = readJson(root, 'versions.json');
      delete versions[version];
      writeJson(root, 'versions.json', { ...versions, [version]: minApp });
    },
  },
  {
    file: 'vscode-extension/package.json',
    read: (root) => readJson(root, 'vscode-extension/package.json').version,
    write: (root, version) => writeJson(root, 'vscode-extension/package.json', { ...readJson(root, 'vscode-extension/package.json'), version }),
  },
  {
    file: USER_AGENT_FILE,
    read: (root) => readFileSync(path.join(root, USER_AGENT_FILE), 'utf8').match(USER_AGENT)?.[2],
    write: (root, version) => {
      const file = path.join(root, USER_AGENT_FILE);
      const text = readFileSync(file, 'utf8');
      if (!USER_AGENT.test(text)) throw new Error(`${USER_AGENT_FILE} has no DEFAULT_USER_AGENT = 'PaperFeed/… line to update.`);
      writeFileSync(file, text.replace(USER_AGENT, `$1${version}$3`));
    },
  },
];

/** Places whose version differs from the source, as "file says X" lines. */
export function disagreements(root) {
  const version = sourceVersion(root);
  return VERSION_PLACES.map((place) => [place.file, place.read(root)])
    .filter(([, found]) => found !== version)
    .map(([file, found]) => `${file} says ${found ?? 'nothing'}, package.json says ${version}`);
}
