import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FALLBACK_NOTE_NAME, joinVaultPath, noteFileName, utf8Length } from '../../core/notes/sanitize';
import { isPaperFeedError } from '../../core/errors';
import { hostileText } from './hostile';

const FORBIDDEN = /[[\]#^|\\/:*?"<>\u0000-\u001f\u007f]/;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** Every rule a note name must keep, as one list of broken rules (empty when valid). */
function brokenRules(name: string, maxBytes: number): string[] {
  const broken: string[] = [];
  if (name === '') broken.push('empty');
  if (FORBIDDEN.test(name)) broken.push('forbidden character');
  if (RESERVED.test(name)) broken.push('reserved Windows name');
  if (/[. ]$/.test(name)) broken.push('trailing dot or space');
  if (name.startsWith('.')) broken.push('leading dot');
  if (utf8Length(name) > maxBytes) broken.push('too long');
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/.test(name)) broken.push('split surrogate');
  if (name !== name.normalize('NFC')) broken.push('not NFC');
  return broken;
}

describe('noteFileName', () => {
  it('makes titles readable file names', () => {
    expect(noteFileName('Attention: Is It All You Need?')).toBe('Attention - Is It All You Need');
    expect(noteFileName('A/B Testing with "LLMs" [v2] #1 ^x | y')).toBe("A-B Testing with 'LLMs' (v2) 1 x - y");
    expect(noteFileName('  ...Hidden and trailing. . ')).toBe('Hidden and trailing');
  });

  it('avoids reserved Windows names, also with an extension', () => {
    expect(noteFileName('CON')).toBe('CON_');
    expect(noteFileName('nul.txt')).toBe('nul_.txt');
    expect(noteFileName('Com1')).toBe('Com1_');
    expect(noteFileName('Console games')).toBe('Console games');
  });

  it('bounds the length in UTF-8 bytes without splitting a character', () => {
    const name = noteFileName('😀'.repeat(100), 10);
    expect(name).toBe('😀😀');
    expect(noteFileName('é'.repeat(100), 9)).toBe('éééé');
    expect(noteFileName('word '.repeat(60))).toMatch(/^(word )*word$/);
    expect(utf8Length(noteFileName('word '.repeat(60)))).toBeLessThanOrEqual(180);
  });

  it('is never empty', () => {
    expect(noteFileName('???')).toBe(FALLBACK_NOTE_NAME);
    expect(noteFileName('\u202e\u0000')).toBe(FALLBACK_NOTE_NAME);
  });

  it('drops control characters and bidi overrides', () => {
    expect(noteFileName('evil\u202Egnp.exe\u0007 name')).toBe('evil gnp.exe name');
  });

  it('always gives a valid name that stays inside its folder (property)', () => {
    fc.assert(
      fc.property(hostileText(), fc.integer({ min: 8, max: 255 }), (title, maxBytes) => {
        const name = noteFileName(title, maxBytes);
        expect(brokenRules(name, maxBytes)).toEqual([]);
        const path = joinVaultPath('arXiv/Papers', `${name}.md`);
        expect(path.startsWith('arXiv/Papers/')).toBe(true);
        expect(path.slice('arXiv/Papers/'.length).split('/')).toEqual([`${name}.md`]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('joinVaultPath', () => {
  it('joins a folder and a name with single slashes', () => {
    expect(joinVaultPath('arXiv/Papers/', 'x.md')).toBe('arXiv/Papers/x.md');
    expect(joinVaultPath('', 'x.md')).toBe('x.md');
    expect(joinVaultPath('a\\b', 'x.md')).toBe('a/b/x.md');
  });

  it('refuses names that would leave the folder', () => {
    for (const bad of ['..', '.', '../x.md', 'a/b.md', 'a\\b.md', '']) {
      try {
        joinVaultPath('arXiv', bad);
        expect.unreachable(bad);
      } catch (e) {
        expect(isPaperFeedError(e)).toBe(true);
      }
    }
  });
});
