import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The host modules `obsidian` and `vscode` only exist inside their apps; tests run against
// faithful stand-ins kept under test/.
export default defineConfig({
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
