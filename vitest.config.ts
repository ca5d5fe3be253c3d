import { defineConfig, type Plugin } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Data files the code imports as text, read the way esbuild's "text" loader reads them
// (scripts/text-loaders.mjs): the default export is the file's contents, byte for byte.
const textFiles: Plugin = {
  name: 'paper-feed-text-files',
  enforce: 'pre',
  load(id) {
    const path = id.split('?')[0]!;
    return path.endsWith('.xml') ? `export default ${JSON.stringify(readFileSync(path, 'utf8'))};` : undefined;
  },
};

// The host modules `obsidian` and `vscode` only exist inside their apps; tests run against
// faithful stand-ins kept under test/.
export default defineConfig({
  plugins: [textFiles],
  resolve: {
    alias: {
      obsidian: fileURLToPath(new URL('./test/stand-ins/obsidian.ts', import.meta.url)),
      vscode: fileURLToPath(new URL('./test/stand-ins/vscode.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.spec.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
