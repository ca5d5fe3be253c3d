// One TeX accent table: author names, titles and abstracts, and Top picks' words read every accent
// and TeX letter the same way.
import { describe, expect, it } from 'vitest';
import { cleanName } from '../../core/arxiv/tex';
import { texToPlain } from '../../core/text/tex-tokens';
import { unmarkedText as rankWords } from '../../core/rank/tex-text';

const READERS: Record<string, (tex: string) => string> = { names: cleanName, titles: texToPlain, ranking: rankWords };

const CASES: Array<[string, string]> = [
  ["R\\'emy", 'Rémy'],
  ['Erd{\\H o}s', 'Erdős'],
  ['Nguy\\~{\\^e}n', 'Nguyễn'],
  ['\\c{C}elik', 'Çelik'],
  ['\\v{S}koda', 'Škoda'],
  ['\\k{a}', 'ą'],
  ['\\r{u}', 'ů'],
  ['\\d{a}', 'ạ'],
  ['\\b{k}', 'ḵ'],
  ['\\u{g}', 'ğ'],
  ['\\={a}', 'ā'],
  ['\\.{z}', 'ż'],
  ['\\"{\\i}', 'ï'],
  ['{\\o}stergaard', 'østergaard'],
  ['\\AA{}ngstr\\"om', 'Ångström'],
  ['Gau\\ss{}', 'Gauß'],
  ["\\L{}\\'od\\'z", 'Łódź'],
  ['Ph\\h{a}m', 'Phảm'],
  ['Ph\\h a m', 'Phả m'],
  ['\\textcommabelow{S}tef\\u{a}nescu', 'Ștefănescu'],
  ['\\DJ or\\dj e', 'Đorđe'],
];

describe('TeX accents, read alike everywhere', () => {
  for (const [reader, read] of Object.entries(READERS)) {
    it.each(CASES)(`${reader}: %s → %s`, (tex, unicode) => {
      expect(read(tex)).toBe(unicode);
    });
  }
});
