import { describe, expect, it } from 'vitest';
import { parseCreators } from '../../core/arxiv/creators';

describe('parseCreators', () => {
  it('splits authors on commas and keeps affiliations apart', () => {
    expect(parseCreators("Ana Ruiz (IFPEN), Benjamin R\\'emy (LEMTA), Li Wei")).toEqual([
      { name: 'Ana Ruiz', affiliations: ['IFPEN'] },
      { name: 'Benjamin Rémy', affiliations: ['LEMTA'] },
      { name: 'Li Wei', affiliations: [] },
    ]);
  });

  it('keeps a suffix after a comma with its author', () => {
    expect(parseCreators('Robert Downey, Jr., Ana Ruiz, John Smith, III (MIT), Bo Li Sr.')).toEqual([
      { name: 'Robert Downey, Jr.', affiliations: [] },
      { name: 'Ana Ruiz', affiliations: [] },
      { name: 'John Smith, III', affiliations: ['MIT'] },
      { name: 'Bo Li Sr.', affiliations: [] },
    ]);
  });

  it('does not split at commas inside an affiliation', () => {
    expect(parseCreators('Tia Yan (University of Birmingham, School of Physics, UK), Yu Liu (Tsinghua University, Beijing, China)')).toEqual([
      { name: 'Tia Yan', affiliations: ['University of Birmingham, School of Physics, UK'] },
      { name: 'Yu Liu', affiliations: ['Tsinghua University, Beijing, China'] },
    ]);
  });

  it('handles nested parentheses and several groups after one name', () => {
    expect(parseCreators('Ada King (Dept. of Maths (DAMTP), Cambridge) (Trinity College), Bo Li')).toEqual([
      { name: 'Ada King', affiliations: ['Dept. of Maths (DAMTP), Cambridge', 'Trinity College'] },
      { name: 'Bo Li', affiliations: [] },
    ]);
  });

  it('keeps text after an unclosed parenthesis as an affiliation', () => {
    expect(parseCreators('Cy Doe (Unclosed Institute')).toEqual([{ name: 'Cy Doe', affiliations: ['Unclosed Institute'] }]);
  });

  it('ignores empty pieces and stray whitespace', () => {
    expect(parseCreators('  Dee Fox,  , Eve  Gray  ')).toEqual([
      { name: 'Dee Fox', affiliations: [] },
      { name: 'Eve Gray', affiliations: [] },
    ]);
    expect(parseCreators('')).toEqual([]);
  });
});
