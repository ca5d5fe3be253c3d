import { describe, expect, it } from 'vitest';
import { makeCitekey, paperYear } from '../../core/cite/citekey';
import { familyName } from '../../core/cite/names';
import { makePaper } from '../support/papers';

const key = (title: string, author: string, more: Parameters<typeof makePaper>[0] = {}, taken: string[] = []) =>
  makeCitekey(makePaper({ title, authors: [author], published: '2026-05-27', ...more }), new Set(taken));

describe('makeCitekey', () => {
  it('joins family name, year and first significant title word in lower-case ASCII', () => {
    expect(key('Micro-Batch Scheduling', 'Wei Feng')).toBe('feng2026micro');
    expect(key('Towards a Theory of the Mind', 'Jonas Müller')).toBe('muller2026theory');
    expect(key('On the $\\alpha$-Divergence of Łukasiewicz Logic', 'Paweł Łukasiewicz')).toBe('lukasiewicz2026divergence');
    expect(key('The Straße', 'Ørsted, Hans')).toBe('orsted2026strasse');
  });

  it('skips name suffixes and reads "Last, First"', () => {
    expect(familyName('Noam Shazeer Jr.')).toBe('Shazeer');
    expect(familyName('Martin, Rémy')).toBe('Martin');
    expect(familyName('ATLAS Collaboration')).toBe('ATLAS');
    expect(key('x', 'Martin Luther King, Jr.')).toBe('king2026x');
  });

  it('takes the year from the first version, else from the identifier', () => {
    expect(paperYear(makePaper({ id: '2605.00001' }))).toBe('2026');
    expect(paperYear(makePaper({ id: '0704.0001' }))).toBe('2007');
    expect(paperYear(makePaper({ id: 'hep-th/9901001' }))).toBe('1999');
    expect(paperYear(makePaper({ id: 'math/0601001', published: '2005-12-31' }))).toBe('2005');
  });

  it('adds a, b, … z, aa when the key is taken', () => {
    expect(key('Micro', 'Wei Feng', {}, ['feng2026micro'])).toBe('feng2026microa');
    expect(key('Micro', 'Wei Feng', {}, ['feng2026micro', 'feng2026microa'])).toBe('feng2026microb');
    const all = ['feng2026micro', ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => `feng2026micro${c}`)];
    expect(key('Micro', 'Wei Feng', {}, all)).toBe('feng2026microaa');
  });

  it('skips the taken twins found by one prefix search, asking has() only for the base and the key it gives', () => {
    const taken = new Set(['feng2026micro', ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => `feng2026micro${c}`), 'feng2026microab']);
    const asked: string[] = [];
    const prefixes: string[] = [];
    const keyOf = (within: Set<string>) =>
      makeCitekey(makePaper({ title: 'Micro', authors: ['Wei Feng'], published: '2026-05-27' }), {
        has: (k) => (asked.push(k), within.has(k)),
        startingWith: (prefix) => (prefixes.push(prefix), [...within].filter((k) => k.startsWith(prefix))),
      });
    expect(keyOf(taken)).toBe('feng2026microaa');
    expect([asked, prefixes]).toEqual([['feng2026micro', 'feng2026microaa'], ['feng2026micro']]);
    // has() keeps the last word: a key it counts as taken that the prefix search missed is skipped too.
    asked.length = 0;
    const hidden = new Set([...taken, 'feng2026microaa']);
    expect(
      makeCitekey(makePaper({ title: 'Micro', authors: ['Wei Feng'], published: '2026-05-27' }), {
        has: (k) => (asked.push(k), hidden.has(k)),
        startingWith: () => taken,
      }),
    ).toBe('feng2026microac');
  });

  it('still gives a key for names and titles without Latin letters', () => {
    expect(key('深度学习', '张伟')).toBe('arxiv2026');
    expect(makeCitekey(makePaper({ title: 'Deep Nets', authors: ['张伟', 'Wei Zhang'], published: '2026-05-27' }), new Set())).toBe('zhang2026deep');
    expect(key('Sums', 'Иван Петров')).toBe('petrov2026sums');
    expect(key('Sums', 'Γιώργος Παπαδόπουλος')).toBe('papadopoulos2026sums');
    expect(makeCitekey(makePaper({ title: 'Sums', authors: [], published: '2026-05-27' }), new Set())).toBe('anon2026sums');
  });

  it('takes the first word a reader would call the subject', () => {
    expect(key("How's it going?", 'Wei Han')).toBe('han2026going');
    expect(key('How’s It Going?', 'Wei Han')).toBe('han2026going');
    expect(key('Who Am I?', 'Wei Duan')).toBe('duan2026who');
    expect(key("Newton's Method Revisited", 'Ada Li')).toBe('li2026newton');
    expect(key("Don't Stop Pretraining", 'Ada Li')).toBe('li2026stop');
  });

  it('reads suffixes, particles and collaborations in the family name', () => {
    expect(key('x', 'Robert Downey, Jr.')).toBe('downey2026x');
    expect(key('x', 'The LIGO Scientific Collaboration')).toBe('ligo2026x');
    expect(key('x', 'Harish V')).toBe('v2026x');
    expect(key('x', 'Nguy\u1ec5n V\u0103n An')).toBe('an2026x');
  });
});
