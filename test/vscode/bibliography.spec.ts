// The .bib side of Pandoc citations: which file a document names (YAML string, list, quoted,
// relative to the document), never repeating or rewriting an entry, and open .bib editors.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Uri, commands, workspace, type QuickPickItem } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { bibliographyFor, yamlBibliography } from '../../vscode-extension/src/bibliography/bib-locate';
import { appendEntry, bibEntries } from '../../vscode-extension/src/bibliography/bib-entries';
import { addToBibliography } from '../../vscode-extension/src/bibliography/add-to-bibliography';
import { bibtexEntry } from '../../core/cite/bibtex-writer';
import { makePaper } from '../support/papers';
import { latest } from './support/papers';
import { paperNode, startExtension, type Started } from './support/extension-harness';

const doc = (path: string, text: string) => ({ uri: Uri.file(path), getText: () => text });

describe('bibliography: in the YAML front matter', () => {
  beforeEach(() => {
    standIn.reset();
    standIn.setWorkspaceFolders(['/work/space']);
  });

  it('reads a plain string, a quoted string, a flow list and a block list', () => {
    expect(yamlBibliography('---\nbibliography: refs.bib\n---\n')).toEqual(['refs.bib']);
    expect(yamlBibliography('---\nbibliography: "my refs.bib"\n---\n')).toEqual(['my refs.bib']);
    expect(yamlBibliography("---\nbibliography: 'a.bib'\n---\n")).toEqual(['a.bib']);
    expect(yamlBibliography('---\nbibliography: [a.bib, "b c.bib"]\n---\n')).toEqual(['a.bib', 'b c.bib']);
    expect(yamlBibliography('---\ntitle: Draft\nbibliography:\n  - ../shared/main.bib\n  - extra.json\n---\n')).toEqual(['../shared/main.bib', 'extra.json']);
  });

  it('finds nothing without front matter, with broken YAML, or with a non-text value', () => {
    expect(yamlBibliography('# Just a heading\nbibliography: refs.bib\n')).toEqual([]);
    expect(yamlBibliography('---\nbibliography: [unclosed\n---\n')).toEqual([]);
    expect(yamlBibliography('---\nbibliography: 42\n---\n')).toEqual([]);
  });

  it('resolves paths against the document folder and keeps only .bib files, the first to write to', () => {
    const files = bibliographyFor(
      doc('/work/space/chapters/one.md', '---\nbibliography:\n  - extra.json\n  - ../refs/main.bib\n  - /abs/other.bib\n---\n'),
      'ignored.bib',
    );
    expect(files.map((u) => u.path)).toEqual(['/work/space/refs/main.bib', '/abs/other.bib']);
  });

  it('falls back to the configured file, relative to the workspace folder', () => {
    expect(bibliographyFor(doc('/work/space/notes/a.md', 'no front matter'), 'refs/library.bib').map((u) => u.path)).toEqual(['/work/space/refs/library.bib']);
    expect(bibliographyFor(doc('/work/space/notes/a.md', '---\nbibliography: only.yaml\n---\n'), 'refs/library.bib').map((u) => u.path)).toEqual([
      '/work/space/refs/library.bib',
    ]);
  });

  it('never points at a file that is not .bib, nor at a home-relative path it cannot expand', () => {
    expect(bibliographyFor(doc('/work/space/a.md', '---\nbibliography: ~/.bashrc\n---\n'), '')).toEqual([]);
    expect(bibliographyFor(doc('/work/space/a.md', ''), '../../etc/profile')).toEqual([]);
    expect(bibliographyFor(doc('/work/space/a.md', ''), '')).toEqual([]);
  });
});

describe('bibliography: entries', () => {
  it('reads keys and eprints, and skips @string, @comment and @preamble', () => {
    const text =
      '@string{jr = "Journal"}\n@comment{not an entry}\n@Article{Smith2020,\n title={T},\n eprint = {2101.00001v2}}\n@misc( doe2021 , eprint = "hep-th/9901001")\n@book{nokey2019, title={B}}';
    expect(bibEntries(text)).toEqual([{ key: 'Smith2020', eprint: '2101.00001v2' }, { key: 'doe2021', eprint: 'hep-th/9901001' }, { key: 'nokey2019' }]);
  });

  it("appends after one blank line in the file's own line endings, leaving the rest untouched", () => {
    expect(appendEntry('', '@misc{a,\n}')).toBe('@misc{a,\n}\n');
    expect(appendEntry('@misc{x,\n}', '@misc{a,\n}')).toBe('@misc{x,\n}\n\n@misc{a,\n}\n');
    expect(appendEntry('@misc{x,\n}\n', '@misc{a,\n}')).toBe('@misc{x,\n}\n\n@misc{a,\n}\n');
    expect(appendEntry('@misc{x,\n}\n\n\n', '@misc{a,\n}')).toBe('@misc{x,\n}\n\n\n@misc{a,\n}\n');
    expect(appendEntry('@misc{x,\r\n}\r\n', '@misc{a,\n}')).toBe('@misc{x,\r\n}\r\n\r\n@misc{a,\r\n}\r\n');
  });
});

describe('bibliography: writing', () => {
  let dir: string;
  beforeEach(async () => {
    standIn.reset();
    dir = await mkdtemp(join(tmpdir(), 'paper-feed-bib-'));
  });
  afterEach(async () => {
    standIn.reset();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves an entry with the same key (in any case) exactly as it is', async () => {
    const existing = '% my library\n@MISC{Nwosu2026Byte,\n  title = {My own   spacing},\n  note = {hand-edited}\n}\n';
    await writeFile(join(dir, 'refs.bib'), existing);
    const added = await addToBibliography(Uri.file(join(dir, 'refs.bib')), [{ key: 'nwosu2026byte', entry: '@misc{nwosu2026byte,\n}' }]);
    expect(added).toEqual([]);
    expect(await readFile(join(dir, 'refs.bib'), 'utf8')).toBe(existing);
  });

  const entry = (key: string) => bibtexEntry(makePaper({ title: 'Moment Matching Q-Learning', authors: ['Robert Downey, Jr.'] }), key);

  it('adds after entries that were already damaged, changes none of them, and says so once', async () => {
    const damaged = '@misc{good1, title = {Fine}}\n\n@misc{bad, title = {Unclosed} author = {X}}\n\n@misc{good2, title = {Fine too}}\n';
    await writeFile(join(dir, 'refs.bib'), damaged);
    const added = await addToBibliography(Uri.file(join(dir, 'refs.bib')), [
      { key: 'new2026a', entry: entry('new2026a') },
      { key: 'new2026b', entry: entry('new2026b') },
    ]);
    expect(added).toEqual(['new2026a', 'new2026b']);
    const after = await readFile(join(dir, 'refs.bib'), 'utf8');
    expect(after.startsWith(damaged)).toBe(true);
    expect(standIn.shown.messages.map((m) => m.message)).toEqual([
      'refs.bib already had 1 entry BibTeX tools cannot read (first at line 3); new2026a was added after it and reads correctly, and nothing else was changed.',
    ]);
  });

  it('adds nothing to a file that ends inside an unfinished entry, which would swallow it', async () => {
    const unfinished = '@misc{good1, title = {Fine}}\n\n@misc{open, title = {Never closed\n';
    await writeFile(join(dir, 'refs.bib'), unfinished);
    await expect(addToBibliography(Uri.file(join(dir, 'refs.bib')), [{ key: 'new2026a', entry: entry('new2026a') }])).rejects.toThrow(
      /^refs\.bib ends inside an entry BibTeX cannot read( \(line 3\))?, so new2026a was not added; close that entry and try again\.$/,
    );
    expect(await readFile(join(dir, 'refs.bib'), 'utf8')).toBe(unfinished);
  });

  it('never appends an entry that does not read back to the fields written', async () => {
    await writeFile(join(dir, 'refs.bib'), '');
    const broken = '@misc{x2026,\n  title         = {Set \\{x},\n  year          = {2026}\n}';
    await expect(addToBibliography(Uri.file(join(dir, 'refs.bib')), [{ key: 'x2026', entry: broken }])).rejects.toThrow(
      /^The BibTeX for x2026 did not read back the same \(.*\), so it was not added to refs\.bib; please report this paper\.$/,
    );
    expect(await readFile(join(dir, 'refs.bib'), 'utf8')).toBe('');
  });

  it('creates a missing .bib file with the entry', async () => {
    const added = await addToBibliography(Uri.file(join(dir, 'new', 'refs.bib')), [{ key: 'a2026x', entry: '@misc{a2026x,\n}' }]);
    expect(added).toEqual(['a2026x']);
    expect(await readFile(join(dir, 'new', 'refs.bib'), 'utf8')).toBe('@misc{a2026x,\n}\n');
  });

  it('writes through an open, saved .bib editor and saves it; an editor with unsaved changes keeps them unsaved', async () => {
    await writeFile(join(dir, 'refs.bib'), '@misc{old,\n}\n');
    const bib = await workspace.openTextDocument(Uri.file(join(dir, 'refs.bib')));
    await addToBibliography(bib.uri, [{ key: 'a2026x', entry: '@misc{a2026x,\n}' }]);
    expect(await readFile(join(dir, 'refs.bib'), 'utf8')).toBe('@misc{old,\n}\n\n@misc{a2026x,\n}\n');
    expect(bib.isDirty).toBe(false);

    (bib as unknown as { applyEdits(e: unknown[]): void }).applyEdits([{ range: bib.lineAt(0).range, newText: '@misc{mine,' }]);
    await addToBibliography(bib.uri, [{ key: 'b2026y', entry: '@misc{b2026y,\n}' }]);
    expect(bib.getText()).toBe('@misc{mine,\n}\n\n@misc{a2026x,\n}\n\n@misc{b2026y,\n}\n');
    expect(bib.isDirty).toBe(true);
    expect(await readFile(join(dir, 'refs.bib'), 'utf8')).toBe('@misc{old,\n}\n\n@misc{a2026x,\n}\n');
  });
});

describe('bibliography: with the extension', () => {
  let started: Started | undefined;
  afterEach(async () => {
    await started?.stop();
    started = undefined;
  });
  const choosePandoc = () => standIn.answerQuickPick((shown) => (shown.items as Array<QuickPickItem & { format: string }>).find((i) => i.format === 'pandoc'));

  it('adds to the file the document names in its YAML, relative to the document, not to the configured one', async () => {
    started = await startExtension({
      announcements: [latest],
      files: { 'paper/draft.md': '---\nbibliography: "refs/paper.bib"\n---\n\nText ', 'global.bib': '' },
      settings: { 'paperFeed.bibliography': 'global.bib' },
    });
    await started.openEditor('paper/draft.md', [[4, 5]]);
    choosePandoc();
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20003'));
    expect(await started.read('paper/refs/paper.bib')).toMatch(/^@misc\{nwosu2026byte,\n/);
    expect(await started.read('global.bib')).toBe('');
    expect(await started.read('paper/draft.md')).toBe('---\nbibliography: "refs/paper.bib"\n---\n\nText ');
  });

  it('cites a paper by the key its existing entry has (matched by eprint) and adds nothing', async () => {
    const mine = '@article{nwosu-bytes,\n  eprint = {2605.20003v1},\n  title = {Mine}\n}\n';
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': '', 'refs.bib': mine },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const editor = await started.openEditor('draft.md', [[0, 0]]);
    choosePandoc();
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20003'));
    expect(editor.document.getText()).toBe('[@nwosu-bytes]');
    expect(await started.read('refs.bib')).toBe(mine);
  });

  it('gives a paper a new key when the .bib uses its key for another work', async () => {
    const other = '@book{nwosu2026byte,\n  title = {A different book}\n}\n';
    started = await startExtension({
      announcements: [latest],
      files: { 'draft.md': '', 'refs.bib': other },
      settings: { 'paperFeed.bibliography': 'refs.bib' },
    });
    const editor = await started.openEditor('draft.md', [[0, 0]]);
    choosePandoc();
    await commands.executeCommand('paperFeed.insertCitation', await paperNode(started.tree, '2605.20003'));
    expect(editor.document.getText()).toBe('[@nwosu2026bytea]');
    const bib = await started.read('refs.bib');
    expect(bib.startsWith(other)).toBe(true);
    expect(bibEntries(bib)).toEqual([{ key: 'nwosu2026byte' }, { key: 'nwosu2026bytea', eprint: '2605.20003' }]);
  });
});
