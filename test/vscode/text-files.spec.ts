// The extension's writes to a person's files (notes, .bib) through vscode.workspace.fs, against
// the stand-in's disk provider: whole or not at all, links kept as links, no debris beside them.
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSystemError, Uri } from 'vscode';
import { createText, replaceText } from '../../vscode-extension/src/shared/text-files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pf-text-files-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const uri = (name: string) => Uri.file(join(dir, name));

describe('replaceText', () => {
  it('replaces the whole text and leaves nothing beside the file', async () => {
    writeFileSync(join(dir, 'note.md'), 'old text that is longer than the new one\n');
    await replaceText(uri('note.md'), 'new\n');
    expect(readFileSync(join(dir, 'note.md'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['note.md']);
  });

  it('writes through a symbolic link, which stays a link to the shared file', async () => {
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'library.bib'), '@misc{a}\n');
    symlinkSync(join(dir, 'shared', 'library.bib'), join(dir, 'refs.bib'));
    await replaceText(uri('refs.bib'), '@misc{a}\n@misc{b}\n');
    expect(lstatSync(join(dir, 'refs.bib')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'refs.bib'))).toBe(join(dir, 'shared', 'library.bib'));
    expect(readFileSync(join(dir, 'shared', 'library.bib'), 'utf8')).toBe('@misc{a}\n@misc{b}\n');
  });

  it('writes a read-only file in place, so it keeps its permission bits (or refuses, for a non-root user)', async () => {
    writeFileSync(join(dir, 'locked.md'), 'mine\n');
    chmodSync(join(dir, 'locked.md'), 0o444);
    const root = process.getuid?.() === 0;
    const write = replaceText(uri('locked.md'), 'changed\n');
    if (root) await write;
    else await expect(write).rejects.toBeInstanceOf(FileSystemError);
    expect(readFileSync(join(dir, 'locked.md'), 'utf8')).toBe(root ? 'changed\n' : 'mine\n');
    expect(statSync(join(dir, 'locked.md')).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['locked.md']);
  });

  it('never leaves a moment without the file: a reader in another process sees the old or the new text, whole, all along', async () => {
    // A .bib that LaTeX Workshop or a Pandoc watcher may read at any moment while citations go in.
    const texts = ['@misc{a,\n  title = {A}\n}\n'.repeat(2000), '@misc{b,\n  title = {B}\n}\n'.repeat(2500)];
    writeFileSync(join(dir, 'refs.bib'), texts[0]!);
    const stop = join(dir, 'stop');
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs');
         const [file, stop, a, b] = process.argv.slice(1);
         const counts = { reads: 0, missing: 0, partial: 0 };
         while (!fs.existsSync(stop)) {
           try {
             const text = fs.readFileSync(file, 'utf8');
             counts.reads += 1;
             if (text !== a && text !== b) counts.partial += 1;
           } catch (error) {
             if (error.code !== 'ENOENT') throw error;
             counts.missing += 1;
           }
         }
         process.stdout.write(JSON.stringify(counts));`,
        join(dir, 'refs.bib'),
        stop,
        ...texts,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    reader.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => reader.on('exit', resolve));
    // Let the reader start reading before the first replacement.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 1; i <= 60; i += 1) await replaceText(uri('refs.bib'), texts[i % 2]!);
    writeFileSync(stop, '');
    expect(await exited).toBe(0);
    const counts = JSON.parse(output) as { reads: number; missing: number; partial: number };
    expect({ missing: counts.missing, partial: counts.partial }).toEqual({ missing: 0, partial: 0 });
    expect(counts.reads).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'refs.bib'), 'utf8')).toBe(texts[0]);
    expect(readdirSync(dir).sort()).toEqual(['refs.bib', 'stop']);
  });

  it('keeps the permission bits of a note made private (chmod 600)', async () => {
    writeFileSync(join(dir, 'private.md'), 'mine\n');
    chmodSync(join(dir, 'private.md'), 0o600);
    await replaceText(uri('private.md'), 'mine, updated\n');
    expect(readFileSync(join(dir, 'private.md'), 'utf8')).toBe('mine, updated\n');
    expect(statSync(join(dir, 'private.md')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['private.md']);
  });

  it('when the move fails, the text stays as it was and the temporary file is removed', async () => {
    mkdirSync(join(dir, 'folder.md'));
    writeFileSync(join(dir, 'folder.md', 'inside'), 'x');
    await expect(replaceText(uri('folder.md'), 'text')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['folder.md']);
    expect(readFileSync(join(dir, 'folder.md', 'inside'), 'utf8')).toBe('x');
  });
});

describe('createText', () => {
  it('creates the file with the whole text', async () => {
    await createText(uri('Papers/new.md'), '# New\n');
    expect(readFileSync(join(dir, 'Papers', 'new.md'), 'utf8')).toBe('# New\n');
    expect(readdirSync(join(dir, 'Papers'))).toEqual(['new.md']);
  });

  it('keeps a file that took the name first, says FileExists, and leaves no debris', async () => {
    writeFileSync(join(dir, 'taken.md'), 'synced from the laptop\n');
    await expect(createText(uri('taken.md'), 'ours\n')).rejects.toMatchObject({ code: 'FileExists' });
    expect(readFileSync(join(dir, 'taken.md'), 'utf8')).toBe('synced from the laptop\n');
    expect(readdirSync(dir)).toEqual(['taken.md']);
  });
});
