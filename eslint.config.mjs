// `npm run lint` (eslint obsidian-plugin): Obsidian's official rules (eslint-plugin-obsidianmd,
// recommended config, type-checked) over the plugin, and its manifest checked too.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { DEFAULT_BRANDS } from 'eslint-plugin-obsidianmd/dist/lib/rules/ui/brands.js';

// The plugin reads manifest.json (minAppVersion, id, name, isDesktopOnly) from the working folder
// once, when it loads; ours lives in obsidian-plugin/, so it is loaded from there.
const workingFolder = process.cwd();
process.chdir(fileURLToPath(new URL('./obsidian-plugin/', import.meta.url)));
const { default: obsidianmd } = await import('eslint-plugin-obsidianmd');
process.chdir(workingFolder);

export default defineConfig([
  { ignores: ['dist/**', 'node_modules/**'] },
  ...obsidianmd.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.*'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The product and the names it shows keep their own casing.
      'obsidianmd/ui/sentence-case': [
        'warn',
        { enforceCamelCaseLower: true, brands: [...DEFAULT_BRANDS, 'Paper Feed', 'arXiv', 'BibTeX', 'Pandoc', 'Periodic Notes', 'US Eastern'] },
      ],
    },
  },
  {
    // TypeScript's parser reads a .json file as one object expression, the shape this rule checks.
    files: ['**/manifest.json'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: false, extraFileExtensions: ['.json'] } },
    rules: { 'obsidianmd/validate-manifest': 'error' },
  },
]);
