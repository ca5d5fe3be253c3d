// `npm run lint` (eslint .): every TypeScript file with typescript-eslint's type-checked rules
// (strict and stylistic), every .mjs/.js script with ESLint's recommended rules, and Obsidian's
// official rules (eslint-plugin-obsidianmd) over the plugin and its manifest only.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { DEFAULT_BRANDS } from 'eslint-plugin-obsidianmd/dist/lib/rules/ui/brands.js';

// The plugin reads manifest.json (minAppVersion, id, name, isDesktopOnly) from the working folder
// once, when it loads; ours lives in obsidian-plugin/, so it is loaded from there.
const workingFolder = process.cwd();
process.chdir(fileURLToPath(new URL('./obsidian-plugin/', import.meta.url)));
const { default: obsidianmd } = await import('eslint-plugin-obsidianmd');
process.chdir(workingFolder);

const pluginFiles = ['obsidian-plugin/**/*.ts'];

// Obsidian's recommended config is written for a repository that is one plugin: its parts for
// TypeScript (and those for every file) are narrowed here to obsidian-plugin/. Its parts for plain
// JS and package.json, and its linter options, do not apply: ours are set below for the whole tree.
const obsidianForPlugin = obsidianmd.configs.recommended
  .filter((part) => !part.linterOptions)
  .filter((part) => part.files === undefined || part.files.flat().some((pattern) => pattern.includes('ts')))
  .map((part) => ({ ...part, files: pluginFiles }));

export default defineConfig([
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', '.tools/**', 'coverage/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' } },
  ...obsidianForPlugin,
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      'no-control-regex': 'off',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // noUncheckedIndexedAccess makes every indexed read optional; `!` after a bounds or has() check says so.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Counts and sizes go into messages as they are; objects and undefined still may not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `T[]` for simple types, `Array<{ … }>` for object and union types, as the code reads today.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // `return done()` ending a branch in one line is how the parsers and servers here are written.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // An async method that implements a Promise-returning port keeps `async`, so a throw rejects.
      '@typescript-eslint/require-await': 'off',
      // Names, paths and YAML values are cleaned of control characters on purpose.
      'no-control-regex': 'off',
      // `() => {}` is the plain way to say "ignore this callback".
      '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions'] }],
      // An empty string (or a 0 date part) counts as not given: `name.trim() || fallback` is meant.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true, number: true } }],
      // An aborted wait rejects with the signal's own reason, as fetch does.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true }],
      // Dropping a key from a small record built in place is clearer as `delete` than as a copy.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // A leading underscore marks a value that is destructured away on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read JSON (package.json, reports, answers) and check its shape by asserting on it.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // A stand-in keeps the host's methods that do nothing in a test.
      '@typescript-eslint/no-empty-function': 'off',
      // Clean-up guards against a setup that failed half-way, and Node's types omit spawnSync's nulls.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // The stand-ins copy host signatures such as Obsidian's `boolean | void` command callback.
      '@typescript-eslint/no-invalid-void-type': 'off',
      // Tests print whatever a host handed them (a label, a path) into their failure messages.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // The stand-ins play VS Code's classes and enums by shape; being alike but not the same is their job.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
    },
  },
  {
    files: ['test/arxiv/xml-oracle.ts', 'test/arxiv/xml-reader.test.ts'],
    // The oracle checks well-formedness with fast-xml-parser's XMLValidator, kept though upstream moved it to its own package.
    rules: { '@typescript-eslint/no-deprecated': 'off' },
  },
  {
    files: pluginFiles,
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
    plugins: { obsidianmd },
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: false, extraFileExtensions: ['.json'] } },
    rules: { 'obsidianmd/validate-manifest': 'error' },
  },
]);
