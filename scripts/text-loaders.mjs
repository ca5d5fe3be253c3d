// Data files the code imports as text (their default export is the file's contents, byte for
// byte), for every esbuild build: the bundles, the benchmarks, the BibTeX corpus. Vitest reads
// them the same way through the plugin in vitest.config.ts; core/node/text-files.d.ts types them.
export const TEXT_LOADERS = { '.xml': 'text' };
