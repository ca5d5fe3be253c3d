// A cache kept as one JSON file in the plugin's folder. A missing or damaged file reads as
// nothing, so the owner rebuilds what it held (the library index from the notes, the Zotero copy
// by one full read of the library).
import type { App } from 'obsidian';
import type { LibraryCache } from '../core/notes/library-source';

export function jsonFileCache(app: App, path: string): LibraryCache {
  const { adapter } = app.vault;
  return {
    load: async () => {
      try {
        return (await adapter.exists(path)) ? (JSON.parse(await adapter.read(path)) as unknown) : undefined;
      } catch {
        return undefined;
      }
    },
    save: (json) => adapter.write(path, JSON.stringify(json)),
  };
}
