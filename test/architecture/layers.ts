// The layer order ARCHITECTURE.md states, as data: each layer may import the layers before it
// and itself, never one after it, and two parts of one layer do not import each other. A part is
// a folder (everything under it) or a single file at a layer's root.

/** The host-free core, from the bottom up. */
export const CORE_LAYERS: ReadonlyArray<readonly string[]> = [
  ['core/errors.ts', 'core/date-text.ts', 'core/record.ts'],
  ['core/arxiv'],
  ['core/config.ts', 'core/text'],
  ['core/cite', 'core/enrich'],
  ['core/select'],
  ['core/rank'],
  ['core/vault'],
  ['core/notes'],
  ['core/catch-up', 'core/zotero'],
  ['core/runs', 'core/config-validate.ts', 'core/arxiv-addresses.ts'],
  ['core/node'],
];

/** The VS Code extension, from the bottom up; it may import any part of the core but core/node. */
export const VSCODE_LAYERS: ReadonlyArray<readonly string[]> = [
  ['vscode-extension/src/shared'],
  ['vscode-extension/src/settings', 'vscode-extension/src/workspace', 'vscode-extension/src/cache', 'vscode-extension/src/secrets'],
  ['vscode-extension/src/fetching', 'vscode-extension/src/bibliography'],
  ['vscode-extension/src/enrich'],
  ['vscode-extension/src/citations'],
  ['vscode-extension/src/zotero', 'vscode-extension/src/search'],
  ['vscode-extension/src/notes', 'vscode-extension/src/links'],
  ['vscode-extension/src/feed'],
  // The composition root: creates the long-lived services and hands each feature what it names.
  ['vscode-extension/src/services.ts'],
  ['vscode-extension/src/extension.ts'],
];

/** Core parts a host may import: everything but the Node-only adapters. */
export const HOST_SAFE_CORE: readonly string[] = CORE_LAYERS.flat().filter((part) => part !== 'core/node');
