// Which note is which paper, asked of every host: the same notes go through the core's in-memory
// index, the CLI's file-system index, the Obsidian index (metadata cache) and the VS Code scan, and
// each must find the same paper notes (id, version, citekey, the note that stands for the id) and,
// where the host keeps them, the same daily notes.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Uri } from 'vscode';
import { App, kit } from '../stand-ins/obsidian';
import { MemoryStore } from '../../core/notes/memory-store';
import { FsVaultStore } from '../../core/node/fs-store';
import type { IndexedPaperNote } from '../../core/vault/store';
import { VaultNoteIndex } from '../../obsidian-plugin/vault-note-index';
import { WorkspaceNoteIndex } from '../../vscode-extension/src/workspace/workspace-note-index';

type Notes = Record<string, string>;
interface Found {
  papers: Record<string, IndexedPaperNote>;
  /** Undefined for a host that keeps no daily notes (VS Code). */
  dailies?: Record<string, string>;
}

const folders: string[] = [];
afterEach(async () => {
  kit.reset();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function onDisk(notes: Notes): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pf-facts-'));
  folders.push(root);
  for (const [path, text] of Object.entries(notes)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

const plain = <V>(map: Iterable<readonly [string, V]>) => Object.fromEntries(map);

const HOSTS: Record<string, (notes: Notes) => Promise<Found>> = {
  async core(notes) {
    const index = await new MemoryStore(notes).index();
    return { papers: plain(index.papers), dailies: plain(index.dailies) };
  },
  async cli(notes) {
    const index = await new FsVaultStore(await onDisk(notes)).index();
    return { papers: plain(index.papers), dailies: plain(index.dailies) };
  },
  async obsidian(notes) {
    const app = new App();
    for (const [path, text] of Object.entries(notes)) {
      const folder = path.slice(0, path.lastIndexOf('/'));
      if (folder && !app.vault.getFolderByPath(folder)) await app.vault.createFolder(folder);
      // One creation time for all, as for notes that came in with one sync: ties fall to the rule.
      await app.vault.create(path, text, { ctime: 1_700_000_000_000 });
    }
    await app.metadataCache.settled();
    const index = new VaultNoteIndex(app as never);
    index.listeners();
    const snapshot = await index.snapshot();
    return { papers: plain(snapshot.papers), dailies: plain(snapshot.dailies) };
  },
  async vscode(notes) {
    const root = Uri.file(await onDisk(notes));
    const index = new WorkspaceNoteIndex(() => root);
    try {
      return { papers: plain(await index.known()) };
    } finally {
      index.dispose();
    }
  },
};

const paper = (lines: string) => `---\ntitle: A paper\n${lines}\ntags:\n  - paper\n---\nMy notes.\n`;
const daily = (lines: string) => `---\n${lines}\n---\n`;

interface Case {
  what: string;
  notes: Notes;
  papers: Record<string, IndexedPaperNote>;
  dailies?: Record<string, string>;
}

const CASES: Case[] = [
  {
    what: 'a quoted id, a version and a citekey',
    notes: { 'Papers/a.md': paper("arxiv_id: '2401.01234'\nversion: 2\ncitekey: lee2024deep") },
    papers: { '2401.01234': { path: 'Papers/a.md', version: 2, citekey: 'lee2024deep' } },
  },
  {
    what: 'a version written "v2"',
    notes: { 'Papers/a.md': paper("arxiv_id: '2401.01234'\nversion: v2") },
    papers: { '2401.01234': { path: 'Papers/a.md', version: 2 } },
  },
  {
    what: 'a version written as the quoted string "3"',
    notes: { 'Papers/a.md': paper("arxiv_id: '2401.01234'\nversion: '3'") },
    papers: { '2401.01234': { path: 'Papers/a.md', version: 3 } },
  },
  {
    what: 'an unquoted id that YAML reads as a number (2401.10230 → 2401.1023)',
    notes: { 'Papers/a.md': paper('arxiv_id: 2401.10230') },
    papers: { '2401.10230': { path: 'Papers/a.md' } },
  },
  {
    what: 'an id with its version suffix',
    notes: { 'Papers/a.md': paper('arxiv_id: 2401.01234v3\nversion: 3') },
    papers: { '2401.01234': { path: 'Papers/a.md', version: 3 } },
  },
  {
    what: 'old-style ids, with a version suffix and with a subject class',
    notes: { 'Papers/a.md': paper('arxiv_id: hep-th/9901001v2'), 'Papers/b.md': paper('arxiv_id: math.AG/0501001') },
    papers: { 'hep-th/9901001': { path: 'Papers/a.md' }, 'math/0501001': { path: 'Papers/b.md' } },
  },
  {
    what: 'arXiv links and the arXiv: prefix in arxiv_id',
    notes: {
      'Papers/abs.md': paper('arxiv_id: https://arxiv.org/abs/2401.01234v2'),
      'Papers/pdf.md': paper("arxiv_id: 'http://arxiv.org/pdf/2402.05678.pdf'"),
      'Papers/prefix.md': paper('arxiv_id: arXiv:2403.00001'),
    },
    papers: {
      '2401.01234': { path: 'Papers/abs.md' },
      '2402.05678': { path: 'Papers/pdf.md' },
      '2403.00001': { path: 'Papers/prefix.md' },
    },
  },
  {
    // Kept as written, so the catch-up check can name the note and ask the person to correct it.
    what: 'an arxiv_id that is no arXiv identifier, or empty',
    notes: { 'Papers/a.md': paper('arxiv_id: arXiv:0808.05394v2'), 'Papers/b.md': paper("arxiv_id: ''") },
    papers: { '0808.05394': { path: 'Papers/a.md' } },
  },
  {
    what: 'a citekey YAML reads as a number',
    notes: { 'Papers/a.md': paper("arxiv_id: '2401.01234'\ncitekey: 2024") },
    papers: { '2401.01234': { path: 'Papers/a.md', citekey: '2024' } },
  },
  {
    what: 'a note whose YAML is broken below its arxiv_id',
    notes: { 'Papers/a.md': "---\narxiv_id: '2401.01234'\nversion: 2\nnotes: [unclosed\n---\nMy notes.\n" },
    papers: { '2401.01234': { path: 'Papers/a.md', version: 2 } },
  },
  {
    what: "two notes for one paper whose names differ in case: code-unit order, not the locale's",
    notes: { 'Papers/apple.md': paper("arxiv_id: '2401.01234'\ncitekey: apple"), 'Papers/Zed.md': paper("arxiv_id: '2401.01234'\ncitekey: zed") },
    papers: { '2401.01234': { path: 'Papers/Zed.md', citekey: 'zed' } },
  },
  {
    what: 'two notes for one paper whose names differ in an accent',
    notes: { 'Papers/Étude.md': paper("arxiv_id: '2401.01234'\nversion: 1"), 'Papers/Zeta.md': paper("arxiv_id: '2401.01234'\nversion: 2") },
    papers: { '2401.01234': { path: 'Papers/Zeta.md', version: 2 } },
  },
  {
    what: 'a sync conflict copy never stands for the paper',
    notes: {
      'Papers/Note.md': paper("arxiv_id: '2401.01234'\nversion: 1"),
      'Papers/Note (conflicted copy 2026-06-01).md': paper("arxiv_id: '2401.01234'\nversion: 2"),
      'Papers/Other 2.md': paper("arxiv_id: '2402.00002'\nversion: 2"),
      'Papers/Other.md': paper("arxiv_id: '2402.00002'\nversion: 1"),
    },
    papers: { '2401.01234': { path: 'Papers/Note.md', version: 1 }, '2402.00002': { path: 'Papers/Other.md', version: 1 } },
  },
  {
    what: 'daily notes by date and tag, as a list or a "#tag" string, and a tie between two',
    notes: {
      'Daily/one.md': daily('date: 2026-06-01\ntags:\n  - paper-feed/daily'),
      'Daily/two.md': daily("date: '2026-06-02'\ntags: '#paper-feed/daily'"),
      'Daily/apple.md': daily('date: 2026-06-03\ntags: [paper-feed/daily]'),
      'Daily/Zed.md': daily('date: 2026-06-03\ntags: [paper-feed/daily]'),
      'Journal/2026-06-04.md': daily('date: 2026-06-04\ntags: [journal]'),
    },
    papers: {},
    dailies: { '2026-06-01': 'Daily/one.md', '2026-06-02': 'Daily/two.md', '2026-06-03': 'Daily/Zed.md' },
  },
];

describe('which note is which paper, in every host', () => {
  for (const host of Object.keys(HOSTS)) {
    describe(host, () => {
      it.each(CASES)('$what', async ({ notes, papers, dailies }) => {
        const found = await HOSTS[host]!(notes);
        expect(found.papers).toEqual(papers);
        if (found.dailies !== undefined) expect(found.dailies).toEqual(dailies ?? {});
      });
    });
  }
});
