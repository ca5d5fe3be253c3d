// What `npm run release:check` holds the release folder (dist/release) and the repository to:
// Obsidian's community plugin rules (obsidianmd/obsidian-releases' submission checklist and
// validation, and the plugin guidelines), the VS Code package's marketplace fields, and the
// CLI tarball. Each check is one sentence that says what is wrong and where.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { disagreements } from './version-files.mjs';

const VERSION = /^\d+\.\d+\.\d+$/;
/** Modules a plugin that says isDesktopOnly: false may load; Obsidian provides them on every platform. */
const MOBILE_SAFE_MODULES = /^(obsidian|@codemirror\/[\w-]+|@lezer\/[\w-]+)$/;
const EMOJI = /\p{Extended_Pictographic}/u;

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The rules for the plugin's manifest.json; returns the problems found. */
export function manifestProblems(manifest) {
  const problems = [];
  const { id = '', name = '', description = '', author = '' } = manifest;
  if (!/^[a-z0-9-_]+$/.test(id)) problems.push(`manifest.json: id "${id}" may hold only lower-case letters, digits, dashes and underscores.`);
  if (/obsidian/i.test(id)) problems.push(`manifest.json: id "${id}" must not contain "obsidian".`);
  if (/plugin$/i.test(id)) problems.push(`manifest.json: id "${id}" must not end with "plugin".`);
  if (!name.trim()) problems.push('manifest.json: name is missing.');
  if (/obsidian/i.test(name)) problems.push(`manifest.json: name "${name}" must not contain "Obsidian".`);
  if (/plugin/i.test(name)) problems.push(`manifest.json: name "${name}" must not contain "Plugin".`);
  if (!description.trim()) problems.push('manifest.json: description is missing.');
  if (description.length > 250) problems.push(`manifest.json: description has ${description.length} characters; keep it to 250.`);
  if (!description.endsWith('.')) problems.push('manifest.json: description must end with a period.');
  if (/obsidian/i.test(description)) problems.push('manifest.json: description must not mention "Obsidian".');
  if (/^(this|a|an) (is an? )?(plugin|tool|extension)\b/i.test(description) || /\bthis (plugin|tool)\b/i.test(description)) {
    problems.push('manifest.json: description must say what it does, not refer to "this plugin".');
  }
  if (EMOJI.test(description)) problems.push('manifest.json: description must not hold emoji.');
  if (!VERSION.test(manifest.version ?? '')) problems.push(`manifest.json: version "${manifest.version}" must be X.Y.Z, digits and dots only.`);
  if (!VERSION.test(manifest.minAppVersion ?? '')) problems.push(`manifest.json: minAppVersion "${manifest.minAppVersion}" must be X.Y.Z.`);
  if (!author.trim()) problems.push('manifest.json: author is missing.');
  if (/^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(author)) problems.push('manifest.json: author should be a name, not an e-mail address.');
  if (manifest.authorUrl === 'https://obsidian.md') problems.push('manifest.json: authorUrl must not point to obsidian.md.');
  if (manifest.fundingUrl === 'https://obsidian.md/pricing') problems.push('manifest.json: fundingUrl must not point to obsidian.md.');
  if (typeof manifest.isDesktopOnly !== 'boolean') problems.push('manifest.json: isDesktopOnly must be true or false.');
  return problems;
}

/**
 * Modules the bundle loads with a bare require("…"), as esbuild emits them, in order of first use.
 * A member call such as `module.require("util")` is a library probing for Node inside a try (lodash
 * does), which fails quietly on a phone, so it is not counted.
 */
export function requiredModules(bundle) {
  return [...new Set([...bundle.matchAll(/(?<![\w$.])require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))];
}

/** A plugin that runs on phones must not load Node or Electron: Obsidian mobile has neither. */
export function desktopOnlyProblems(manifest, bundle) {
  if (manifest.isDesktopOnly !== false) return [];
  const foreign = [
    ...requiredModules(bundle).filter((name) => !MOBILE_SAFE_MODULES.test(name)),
    ...new Set([...bundle.matchAll(/\b(process\.(?:env|platform|versions|cwd|argv)|__dirname|__filename)\b/g)].map((m) => m[1])),
  ];
  return foreign.length === 0
    ? []
    : [`main.js uses ${foreign.map((n) => `"${n}"`).join(', ')}, which Obsidian mobile does not have, yet manifest.json says isDesktopOnly: false.`];
}

/** The file names inside a zip (the .vsix), read with unzip. */
function zipEntries(file) {
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(bytes) {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every problem with the repository and the release folder; an empty list means ready. */
export function releaseProblems({ root, dir, tag }) {
  const problems = [];
  const need = (file, why) => {
    if (existsSync(file)) return true;
    problems.push(`${path.relative(root, file) || file} is missing: ${why}.`);
    return false;
  };
  const version = readJson(path.join(root, 'package.json')).version;
  problems.push(...disagreements(root).map((line) => `Version: ${line}; run "npm version ${version}" or fix it by hand.`));
  if (tag !== undefined && tag !== version)
    problems.push(`The tag "${tag}" is not the version ${version}; Obsidian needs a release named exactly ${version}, without "v".`);

  // Obsidian: the repository root, which Obsidian and BRAT read.
  need(path.join(root, 'LICENSE'), 'Obsidian asks for a LICENSE file');
  if (need(path.join(root, 'README.md'), "Obsidian shows the repository's README.md as the plugin page")) {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    if (!/^## Install\b/m.test(readme)) problems.push('README.md has no "## Install" section.');
    if (!/BRAT/.test(readme)) problems.push('README.md does not explain installing through BRAT before the plugin is listed.');
    if (!/^## Obsidian\b/m.test(readme)) problems.push('README.md has no "## Obsidian" section on using the plugin.');
    for (const [, image] of readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
      if (!/^https?:/.test(image) && !existsSync(path.join(root, image))) problems.push(`README.md shows ${image}, which does not exist.`);
    }
  }
  const rootManifest = path.join(root, 'manifest.json');
  if (need(rootManifest, 'Obsidian reads the plugin version from manifest.json at the repository root')) {
    const manifest = readJson(rootManifest);
    problems.push(...manifestProblems(manifest));
    const versions = readJson(path.join(root, 'versions.json'));
    if (versions[manifest.version] !== manifest.minAppVersion) {
      problems.push(`versions.json does not map ${manifest.version} to minAppVersion ${manifest.minAppVersion}.`);
    }
  }

  // The release folder: each file Obsidian, BRAT, the Marketplace and npm fetch.
  if (!need(dir, 'run "npm run release" first')) return problems;
  const file = (name) => path.join(dir, name);
  for (const name of ['main.js', 'manifest.json', 'styles.css']) need(file(name), `a release must carry the plugin's ${name} as its own file`);
  if (existsSync(file('manifest.json')) && existsSync(rootManifest) && readFileSync(file('manifest.json'), 'utf8') !== readFileSync(rootManifest, 'utf8')) {
    problems.push("The release's manifest.json differs from the repository's; rebuild with npm run release.");
  }
  if (existsSync(file('main.js')) && existsSync(file('manifest.json'))) {
    problems.push(...desktopOnlyProblems(readJson(file('manifest.json')), readFileSync(file('main.js'), 'utf8')));
  }

  const vsix = file(`paper-feed-${version}.vsix`);
  if (need(vsix, 'the VS Code package goes into every release')) {
    const entries = zipEntries(vsix);
    for (const entry of ['extension/package.json', 'extension/changelog.md', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/media/icon.png']) {
      if (!entries.includes(entry)) problems.push(`The .vsix has no ${entry}.`);
    }
    const extension = JSON.parse(execFileSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' }));
    for (const field of ['repository', 'bugs', 'homepage', 'galleryBanner', 'icon', 'license']) {
      if (!extension[field]) problems.push(`The .vsix's package.json has no "${field}".`);
    }
    if (extension.version !== version) problems.push(`The .vsix is version ${extension.version}, not ${version}.`);
    if (extension.icon) {
      const size = pngSize(execFileSync('unzip', ['-p', vsix, `extension/${extension.icon}`]));
      if (!size || size.width !== 128 || size.height !== 128)
        problems.push(`The .vsix icon ${extension.icon} is ${size ? `${size.width}×${size.height}` : 'not a PNG'}, not a 128×128 PNG.`);
    }
  }

  const tarball = file(`paper-feed-${version}.tgz`);
  if (need(tarball, 'the CLI package goes into every release')) {
    const cli = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    if (cli.name !== 'paper-feed' || cli.version !== version) problems.push(`The CLI tarball is ${cli.name}@${cli.version}, not paper-feed@${version}.`);
    if (!cli.bin?.['paper-feed']) problems.push('The CLI package has no "paper-feed" bin.');
    if (!Array.isArray(cli.files)) problems.push('The CLI package has no "files" whitelist.');
    for (const field of ['dependencies', 'devDependencies', 'scripts']) {
      if (cli[field] && Object.keys(cli[field]).length > 0) problems.push(`The CLI package has ${field}; its bundle holds everything it needs.`);
    }
  }
  return problems;
}
