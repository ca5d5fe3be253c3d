// The note index's citekeys, asked for in any case: each note's key is counted until that note
// goes, and keys that merely share the folded number stay apart.
import { describe, expect, it } from 'vitest';
import { CitekeyCounts } from '../../obsidian-plugin/citekey-counts';

// Two keys whose lower-case forms share the 30-bit number (found by search).
const SHARING_A = 'smith340929';
const SHARING_B = 'Smith1122210';

describe('CitekeyCounts', () => {
  it('finds a key in any case, Unicode included, until every note with it has gone', () => {
    const keys = new CitekeyCounts();
    keys.add('Müller2024');
    keys.add('müller2024'); // a second note with the key in another case
    expect([keys.has('MÜLLER2024'), keys.has('muller2024')]).toEqual([true, false]);
    keys.delete('MÜLLER2024');
    expect(keys.has('Müller2024')).toBe(true);
    keys.delete('müller2024');
    expect(keys.has('Müller2024')).toBe(false);
    // The Kelvin sign lower-cases to an ASCII k: one key with "k2024".
    keys.add('\u212A2024');
    expect(keys.has('k2024')).toBe(true);
  });

  it('tells apart keys that share the number, whichever goes first', () => {
    const keys = new CitekeyCounts();
    keys.add(SHARING_A);
    expect(keys.has(SHARING_B)).toBe(false);
    keys.add(SHARING_B);
    keys.add(SHARING_B);
    expect([keys.has(SHARING_A.toUpperCase()), keys.has(SHARING_B.toLowerCase())]).toEqual([true, true]);
    keys.delete(SHARING_A);
    expect([keys.has(SHARING_A), keys.has(SHARING_B)]).toEqual([false, true]);
    keys.delete('jones2020'); // not counted: nothing changes
    keys.delete(SHARING_B);
    expect(keys.has(SHARING_B)).toBe(true);
    keys.delete(SHARING_B);
    expect(keys.has(SHARING_B)).toBe(false);
  });
});
