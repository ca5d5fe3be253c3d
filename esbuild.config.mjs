// One command builds every artifact: the Obsidian bundle, the VS Code bundles (desktop and
// web) and the Node CLI. `node esbuild.config.mjs` (npm run build); `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { TEXT_LOADERS } from './scripts/text-loaders.mjs';

const watch = process.argv.includes('--watch');
const production = !watch;

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'inline',
  legalComments: 'none',
  logLevel: 'warning',
  target: 'es2022',
  loader: TEXT_LOADERS,
};

// The web bundle runs in a browser worker: a module with a `.web.ts` twin beside it (no Node
// built-ins) is built from the twin.
const webVariants = {
  name: 'web-variants',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const twin = resolve(args.resolveDir, `${args.path}.web.ts`);
      return existsSync(twin) ? { path: twin } : undefined;
    });
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['obsidian-plugin/main.ts'],
    outfile: 'dist/obsidian/main.js',
    format: 'cjs',
    platform: 'browser',
    external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*'],
  },
  {
    ...common,
    entryPoints: ['vscode-extension/src/extension.ts'],
    outfile: 'dist/vscode/extension.js',
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['vscode-extension/src/extension.ts'],
    outfile: 'dist/vscode/web/extension.js',
    format: 'cjs',
    platform: 'browser',
    external: ['vscode'],
    define: { 'process.env.PAPER_FEED_WEB': '"1"' },
    plugins: [webVariants],
  },
  {
    ...common,
    minify: false,
    entryPoints: ['core/node/cli/main.ts'],
    outfile: 'dist/cli/paper-feed.js',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __pfCreateRequire } from 'node:module'; const require = __pfCreateRequire(import.meta.url);",
    },
  },
];

async function copyAssets() {
  await mkdir('dist/obsidian', { recursive: true });
  await copyFile('obsidian-plugin/manifest.json', 'dist/obsidian/manifest.json');
  if (existsSync('obsidian-plugin/styles.css')) {
    await copyFile('obsidian-plugin/styles.css', 'dist/obsidian/styles.css');
  } else {
    await writeFile('dist/obsidian/styles.css', '');
  }
  // The extension manifest sits beside its bundles, as in the .vsix; it also tells Node the
  // bundles are CommonJS, whatever the repository's own package.json says.
  await mkdir('dist/vscode', { recursive: true });
  await copyFile('vscode-extension/package.json', 'dist/vscode/package.json');
  // The CLI bundle is ESM; tell Node so, whatever the folder's parent says.
  await mkdir('dist/cli', { recursive: true });
  await writeFile('dist/cli/package.json', JSON.stringify({ type: 'module' }) + '\n');
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await copyAssets();
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('Watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  await copyAssets();
  const size = (await readFile('dist/obsidian/main.js')).length;
  console.log(`Built dist/obsidian (main.js ${(size / 1024).toFixed(1)} KB), dist/vscode, dist/cli/paper-feed.js`);
}
