// `npm run install:obsidian -- --vault PATH [--config-dir .obsidian] [--no-build] [--from DIR]`:
// builds the plugin and copies dist/obsidian/{main.js,manifest.json,styles.css} (or the same three
// files from DIR, e.g. an unpacked release) into <vault>/<config dir>/plugins/paper-feed/, where
// Obsidian looks for community plugins.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILES = ['main.js', 'manifest.json', 'styles.css'];
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function usage(problem) {
  console.error(`${problem}\nUsage: npm run install:obsidian -- --vault PATH [--config-dir .obsidian] [--no-build] [--from DIR]`);
  process.exit(2);
}

function readArgs(argv) {
  const args = { vault: null, configDir: '.obsidian', build: true, from: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--vault') args.vault = argv[++i] ?? usage('--vault needs a folder.');
    else if (arg.startsWith('--vault=')) args.vault = arg.slice('--vault='.length);
    else if (arg === '--config-dir') args.configDir = argv[++i] ?? usage('--config-dir needs a folder name.');
    else if (arg.startsWith('--config-dir=')) args.configDir = arg.slice('--config-dir='.length);
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--from') args.from = argv[++i] ?? usage('--from needs a folder.');
    else if (arg.startsWith('--from=')) args.from = arg.slice('--from='.length);
    else usage(`Unknown option "${arg}".`);
  }
  if (!args.vault) usage('Say which vault to install into with --vault PATH.');
  return args;
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isFolder(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

const args = readArgs(process.argv.slice(2));
const vault = resolve(args.vault);
if (!(await isFolder(vault))) usage(`${vault} is not a folder; give the path of your vault.`);
const configDir = join(vault, args.configDir);
if (!(await isFolder(configDir))) {
  usage(`${vault} has no ${args.configDir} folder; open it as a vault in Obsidian once, or pass --config-dir if yours is named differently.`);
}

// Files from elsewhere are installed as they are.
const source = args.from ? resolve(args.from) : join(repoRoot, 'dist', 'obsidian');
if (args.build && !args.from) {
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed; nothing was installed.');
    process.exit(1);
  }
}

// All three or none: a half-installed plugin would not load.
for (const file of FILES) {
  if (!(await isFile(join(source, file)))) {
    console.error(
      `${join(source, file)} is missing; ${args.from ? 'give a folder holding main.js, manifest.json and styles.css' : 'run without --no-build (or npm run build) first'}.`,
    );
    process.exit(1);
  }
}
const target = join(configDir, 'plugins', 'paper-feed');
await mkdir(target, { recursive: true });
for (const file of FILES) await copyFile(join(source, file), join(target, file));
console.log(`Installed Paper Feed into ${target}.`);
console.log('In Obsidian: Settings → Community plugins → turn on "Paper Feed" (reload the app if it was already on).');
