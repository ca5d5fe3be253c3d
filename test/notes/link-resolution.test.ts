// The link resolution rule (core/notes/link-resolution.ts), which the obsidian stand-in's
// getFirstLinkpathDest also uses, checked against what Obsidian 1.13 does: rows observed through
// app.metadataCache.getFirstLinkpathDest in a scratch vault and published with their console
// output (pvliesdonk/markdown-vault-mcp #1358, #1380), plus the help's relative-path links.
import { describe, expect, it } from 'vitest';
import { resolveAmong } from '../../core/notes/link-resolution';
import { App, Vault } from '../stand-ins/obsidian';

const ROWS: Array<{ files: string[]; link: string; from: string; to: string | null; why: string }> = [
  { files: ['Note.md', 'a/Note.md'], link: 'Note', from: 'a/src.md', to: 'Note.md', why: 'an exact vault path wins, even over a note beside the source' },
  { files: ['b/Note.md', 'a/b/Note.md'], link: 'b/Note', from: 'a/src.md', to: 'b/Note.md', why: 'an exact path with folders wins' },
  { files: ['a/b/Note.md', 'zzzz/Note.md'], link: 'Note', from: 'src.md', to: 'a/b/Note.md', why: 'then the shortest path string, not the fewest folders' },
  { files: ['b/Note.md', 'a/b/Note.md'], link: 'Note', from: 'src.md', to: 'b/Note.md', why: 'the shortest path string, not the order of the tree' },
  { files: ['a/b/Note.md', 'zzzz/Note.md'], link: 'Note', from: 'zzzz/src.md', to: 'zzzz/Note.md', why: 'a note beside the source wins over a shorter path' },
  { files: ['b/Note.md', 'zzzz/Note.md'], link: 'Note', from: 'zzzz/deep/src.md', to: 'b/Note.md', why: 'an ancestor folder counts for nothing' },
  { files: ['Log.md'], link: 'log', from: 'src.md', to: 'Log.md', why: 'names compare without regard to case' },
  { files: ['Log.md'], link: 'LOG', from: 'src.md', to: 'Log.md', why: 'names compare without regard to case' },
  { files: ['Ext.md'], link: 'Ext.MD', from: 'src.md', to: 'Ext.md', why: 'the extension too' },
  {
    files: ['x/Daily/2026-05-29.md', 'Daily2/2026-05-29.md'],
    link: 'Daily/2026-05-29',
    from: 'src.md',
    to: 'x/Daily/2026-05-29.md',
    why: 'a partial path matches the end of a path',
  },
  {
    files: ['arXiv/Papers/New.md', 'New.md'],
    link: '../Papers/New',
    from: 'arXiv/Daily/d.md',
    to: 'arXiv/Papers/New.md',
    why: 'a relative path is read from the source folder',
  },
  { files: ['Missing.md'], link: './Missing', from: 'a/src.md', to: null, why: 'a relative path never falls back to the name' },
  {
    files: ['Journal/2026-05-29.md', 'arXiv/Daily/2026-05-29.md'],
    link: '2026-05-29',
    from: 'arXiv/Papers/P.md',
    to: 'Journal/2026-05-29.md',
    why: 'the bare date reaches the journal note',
  },
  {
    files: ['Journal/2026-05-29.md', 'arXiv/Daily/2026-05-29.md'],
    link: 'arXiv/Daily/2026-05-29',
    from: 'arXiv/Papers/P.md',
    to: 'arXiv/Daily/2026-05-29.md',
    why: 'the path reaches the digest',
  },
  {
    files: ['2026-05-29.md', 'arXiv/Daily/2026-05-29.md'],
    link: 'arXiv/Daily/2026-05-29',
    from: 'arXiv/Papers/P.md',
    to: 'arXiv/Daily/2026-05-29.md',
    why: 'also with the journal in the root',
  },
];

describe('resolving a link as Obsidian does', () => {
  it.each(ROWS)('$link from $from → $to ($why)', ({ files, link, from, to }) => {
    expect(resolveAmong(files)(link, from)).toBe(to);
  });

  it('is what the obsidian stand-in’s getFirstLinkpathDest answers', async () => {
    for (const { files, link, from, to } of ROWS) {
      const app = new App({ vault: new Vault({ name: 'Links', configDir: 'cfg' }) });
      for (const path of files) await app.vault.seed(path, '');
      expect(app.metadataCache.getFirstLinkpathDest(link, from)?.path ?? null).toBe(to);
    }
  });
});
