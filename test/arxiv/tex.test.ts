import { describe, expect, it } from 'vitest';
import { cleanName, texToUnicode } from '../../core/arxiv/tex';
import { collapseParagraphs, collapseWhitespace } from '../../core/arxiv/text';

describe('texToUnicode', () => {
  it.each([
    ["R\\'emy", 'Rémy'],
    ["{\\'E}mile", 'Émile'],
    ["Andr\\'{e}", 'André'],
    ['G\\"odel', 'Gödel'],
    ['M\\"{u}ller', 'Müller'],
    ['Gr\\`a', 'Grà'],
    ['H\\^opital', 'Hôpital'],
    ['Pe\\~na', 'Peña'],
    ['Gar\\c{c}on', 'Garçon'],
    ['Gar\\c con', 'Garçon'],
    ['\\v{S}koda', 'Škoda'],
    ['Erd\\H{o}s', 'Erdős'],
    ['Erd{\\H o}s', 'Erdős'],
    ['\\aa{}ngstr\\"om', 'ångström'],
    ['\\AA berg', 'Åberg'],
    ['Bj{\\o}rn', 'Bjørn'],
    ['S\\o ren', 'Søren'],
    ['Stra\\ss e', 'Straße'],
    ['\\L{}ukasz', 'Łukasz'],
    ['Gu{\\dh}mundur', 'Guðmundur'],
    ["Mart\\'{\\i}n", 'Martín'],
    ["Mart\\'\\i n", 'Martín'],
    ["Dragi\\v{c}evi\\'c", 'Dragičević'],
    ['\\k{a}', 'ą'],
    ['\\r{u}', 'ů'],
    ['\\={o}', 'ō'],
    ['\\.{Z}', 'Ż'],
    ['\\u{g}', 'ğ'],
    ['J.~Smith', 'J. Smith'],
    ['{Mc}Donald', 'McDonald'],
    ['Smith \\& Sons', 'Smith & Sons'],
    ['Nguy\\~{\\^e}n', 'Nguyễn'],
    ['Nguy\\~{\\^{e}}n', 'Nguyễn'],
    ['Tr\\`{\\^a}n', 'Trần'],
  ])('%s → %s', (tex, unicode) => {
    expect(texToUnicode(tex)).toBe(unicode);
  });

  it('gives NFC strings, so accented names compare equal to typed ones', () => {
    expect(texToUnicode("Ren\\'ee")).toBe('Ren\u00e9e');
  });

  it('leaves plain names and math alone', () => {
    expect(texToUnicode('Ada Lovelace')).toBe('Ada Lovelace');
    expect(texToUnicode('$\\{x\\}$')).toBe('$\\{x\\}$');
  });

  it('does not read a longer command as an accent or letter', () => {
    expect(texToUnicode('\\cite{x} \\omega')).toBe('\\cite{x} \\omega');
  });
});

describe('cleanName', () => {
  it('resolves accents and collapses whitespace', () => {
    expect(cleanName("  Beno\\^{\\i}t \n  Mand\\'elbrot ")).toBe('Benoît Mandélbrot');
  });
});

describe('whitespace helpers', () => {
  it('collapseWhitespace makes one trimmed line', () => {
    expect(collapseWhitespace('  A long title that arXiv\n  wrapped\tonce ')).toBe('A long title that arXiv wrapped once');
  });

  it('collapseParagraphs keeps blank-line paragraph breaks as one blank line', () => {
    expect(collapseParagraphs('  First line\nwrapped here.\n\n \n  Second\n paragraph.\n')).toBe('First line wrapped here.\n\nSecond paragraph.');
  });
});
