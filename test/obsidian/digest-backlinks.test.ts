// Each paper note's `digests` links back to its digest, and the link resolves there the
// way Obsidian resolves it (getFirstLinkpathDest from the paper note), also when the core Daily
// notes plugin keeps a note of the same name (its default format is YYYY-MM-DD) in the vault root
// or in a folder. Notes written by earlier versions (bare `[[2026-05-29]]`) are brought over on
// their next update, and a link Obsidian rewrote after a rename is not written back.
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../core/notes/frontmatter';
import type { App } from '../stand-ins/obsidian';
import { parseYaml, getFrontMatterInfo } from '../stand-ins/obsidian/yaml';
import { loadPlugin, newApp, settle, storeSettings, usePluginTest } from './support/harness';

const DIGEST = 'arXiv/Daily/2026-05-29.md';
const SPARSE = 'arXiv/Papers/Sparse Routing for Large Language Model Inference.md';

const host = usePluginTest({ at: new Date('2026-05-29T13:00:00Z'), feed: 'rss-2026-05-29.xml' });

/** A vault whose core Daily notes plugin (default format) files its notes in `folder`. */
async function vaultWithJournal(folder: string): Promise<App> {
  const app = newApp();
  app.internalPlugins.plugins['daily-notes'] = { enabled: true, instance: { options: { folder } } };
  await storeSettings(app, { rssBase: host.arxiv.url('/rss'), linkFromDailyNote: true });
  return app;
}

async function fetchToday(app: App): Promise<void> {
  const plugin = await loadPlugin(app);
  await plugin.fetcher.fetchToday('command');
  await settle(app, plugin);
}

function paperNotes(app: App): string[] {
  return Object.keys(app.vault.snapshot()).filter((path) => path.startsWith('arXiv/Papers/'));
}

/** The link paths in a note's `digests`, read the way Obsidian's properties read them. */
function digestLinkpaths(app: App, path: string): string[] {
  const yaml = parseYaml(getFrontMatterInfo(app.vault.text(path)!).frontmatter) as { digests: string[] };
  return yaml.digests.map((link) => /^\[\[([^|\]#]+)/.exec(link)![1]!);
}

describe('the backlink from a paper note to its digest', () => {
  for (const [where, folder, journal] of [
    ['in the vault root', '', '2026-05-29.md'],
    ['in a folder', 'Journal', 'Journal/2026-05-29.md'],
  ] as const) {
    it(`resolves to the digest when the Daily notes plugin keeps a note of the same name ${where}`, async () => {
      const app = await vaultWithJournal(folder);
      await fetchToday(app);

      // The fetch linked the digest from the journal note, which shares the digest's name.
      expect(app.vault.text(journal)).toContain('[[arXiv/Daily/2026-05-29|arXiv 2026-05-29]]');
      const notes = paperNotes(app);
      expect(notes).toHaveLength(5);
      for (const note of notes) {
        expect(digestLinkpaths(app, note)).toEqual(['arXiv/Daily/2026-05-29']);
        expect(app.metadataCache.getFirstLinkpathDest('arXiv/Daily/2026-05-29', note)?.path).toBe(DIGEST);
      }
      // What earlier versions wrote leads to the journal note instead.
      expect(app.metadataCache.getFirstLinkpathDest('2026-05-29', SPARSE)?.path).toBe(journal);
    });
  }

  it('rewrites the bare links an earlier version wrote on the note’s next update, changing nothing else', async () => {
    const app = await vaultWithJournal('Journal');
    await app.vault.seed('Journal/2026-05-28.md', 'A quiet day.\n');
    await app.vault.seed('arXiv/Daily/2026-05-28.md', '---\ndate: 2026-05-28\ntags:\n  - paper-feed/daily\n---\nYesterday\n');
    await fetchToday(app);
    // The note as an earlier version left it, with the person's key and words around the links.
    const written = app.vault.text(SPARSE)!;
    const old = written
      .replace("digests:\n  - '[[arXiv/Daily/2026-05-29|2026-05-29]]'\n", "digests:\n  - '[[2026-05-28]]'\n  - '[[2026-05-29]]'\nstatus: reading\n")
      .concat('My notes on [[2026-05-29]].\n');
    await app.vault.modify(app.vault.getFileByPath(SPARSE)!, old);
    await app.metadataCache.settled();

    await fetchToday(app);

    const after = app.vault.text(SPARSE)!;
    expect(after).toBe(
      old.replace("  - '[[2026-05-28]]'\n  - '[[2026-05-29]]'\n", "  - '[[arXiv/Daily/2026-05-28|2026-05-28]]'\n  - '[[arXiv/Daily/2026-05-29|2026-05-29]]'\n"),
    );
    expect(readFrontmatter(after).status).toBe('reading');
    expect(digestLinkpaths(app, SPARSE).map((link) => app.metadataCache.getFirstLinkpathDest(link, SPARSE)?.path)).toEqual([
      'arXiv/Daily/2026-05-28.md',
      DIGEST,
    ]);
  });

  it('keeps the daily note’s link to a renamed paper note in the form Obsidian rewrote it to, in each link format', async () => {
    const app = await vaultWithJournal('Journal');
    await fetchToday(app);
    await app.fileManager.renameFile(app.vault.getFileByPath(SPARSE)!, 'arXiv/Papers/Sparse routing (read).md');
    const title = 'Sparse Routing for Large Language Model Inference';
    const full = `[[arXiv/Papers/Sparse Routing for Large Language Model Inference|${title}]]`;
    // What Obsidian writes for each "New link format", keeping the link's text.
    for (const rewritten of [
      `[[Sparse routing (read)|${title}]]`,
      `[[../Papers/Sparse routing (read)|${title}]]`,
      `[[arXiv/Papers/Sparse routing (read)|${title}]]`,
    ]) {
      const digest = app.vault.getFileByPath(DIGEST)!;
      await app.vault.process(digest, (text) => text.split(full).join(rewritten).split(`[[arXiv/Papers/Sparse routing (read)|${title}]]`).join(rewritten));
      await app.metadataCache.settled();
      const before = app.vault.text(DIGEST)!;
      expect(before).toContain(rewritten);

      await fetchToday(app);

      expect(app.vault.text(DIGEST)).toBe(before);
      // Rewritten back to the full form for the next format.
      await app.vault.process(digest, (text) => text.split(rewritten).join(full));
    }
  });

  it('writes the full link again when the short one Obsidian wrote now leads to another note', async () => {
    const app = await vaultWithJournal('Journal');
    await fetchToday(app);
    await app.fileManager.renameFile(app.vault.getFileByPath(SPARSE)!, 'arXiv/Papers/Routing.md');
    const title = 'Sparse Routing for Large Language Model Inference';
    await app.vault.process(app.vault.getFileByPath(DIGEST)!, (text) =>
      text.split(`[[arXiv/Papers/Sparse Routing for Large Language Model Inference|${title}]]`).join(`[[Routing|${title}]]`),
    );
    // A note of the same name nearer the root now takes the short link.
    await app.vault.create('Routing.md', 'Network routing, mine.\n');
    await app.metadataCache.settled();

    await fetchToday(app);

    const daily = app.vault.text(DIGEST)!;
    expect(daily).not.toContain(`[[Routing|${title}]]`);
    expect(daily).toContain(`[[arXiv/Papers/Routing|${title}]]`);
  });
});
