// The vscode stand-in itself, on the behaviours the extension's tests lean on: they must match
// what VS Code documents, or the other tests prove nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { FileSystemError, Position, Range, Selection, Uri, commands, workspace } from 'vscode';
import { standIn } from '../stand-ins/vscode';

afterEach(() => standIn.reset());

describe('vscode stand-in', () => {
  it('applies one edit() with several changes at once, moving cursors past inserted text', async () => {
    const doc = standIn.textDocument('/tmp/a.md', 'abc\ndef');
    const editor = new standIn.TextEditor(doc, [new Selection(0, 1, 0, 1), new Selection(1, 0, 1, 2)]);
    await editor.edit((b) => {
      b.insert(new Position(0, 1), 'XY');
      b.replace(new Range(1, 0, 1, 2), 'Z');
    });
    expect(doc.getText()).toBe('aXYbc\nZf');
    expect(editor.selections.map((s) => [s.anchor.line, s.anchor.character, s.active.line, s.active.character])).toEqual([
      [0, 3, 0, 3],
      [1, 0, 1, 1],
    ]);
  });

  it('rejects overlapping edits, as VS Code does', async () => {
    const editor = new standIn.TextEditor(standIn.textDocument('/tmp/a.md', 'abcdef'));
    await expect(
      editor.edit((b) => {
        b.replace(new Range(0, 0, 0, 3), 'x');
        b.replace(new Range(0, 2, 0, 4), 'y');
      }),
    ).rejects.toThrow('Overlapping ranges are not allowed!');
  });

  it('reads setting defaults from the manifest and lets a test override them', () => {
    expect(workspace.getConfiguration('paperFeed').get('historyCount')).toBe(5);
    standIn.setSetting('paperFeed.historyCount', 2);
    expect(workspace.getConfiguration('paperFeed').get('historyCount')).toBe(2);
    expect(workspace.getConfiguration('paperFeed').get('missing', 'fallback')).toBe('fallback');
  });

  it('refuses a second command with the same id', () => {
    commands.registerCommand('x.y', () => 1);
    expect(() => commands.registerCommand('x.y', () => 2)).toThrow("command 'x.y' already exists");
  });

  it('reports a missing file as FileSystemError FileNotFound and encodes URIs like VS Code', async () => {
    const error = await workspace.fs.readFile(Uri.file('/nonexistent/paper-feed/x')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileSystemError);
    expect((error as FileSystemError).code).toBe('FileNotFound');
    expect(Uri.file('/a b/c#d.md').toString()).toBe('file:///a%20b/c%23d.md');
    expect(Uri.parse('https://arxiv.org/abs/2605.20001').toString()).toBe('https://arxiv.org/abs/2605.20001');
  });
});
