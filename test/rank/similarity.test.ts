import { describe, expect, it } from 'vitest';
import { idf } from '../../core/rank/similarity';

describe('idf', () => {
  it('weighs rare terms more than common ones', () => {
    expect(idf(1000, 1)).toBeCloseTo(Math.log(1001 / 2) + 1, 12);
    expect(idf(1000, 1)).toBeGreaterThan(idf(1000, 50));
  });

  it('treats a term in more than 10% of the papers, and more than 50, as a stop word', () => {
    expect(idf(1000, 100)).toBeGreaterThan(0);
    expect(idf(1000, 101)).toBe(0);
    expect(idf(300, 51)).toBe(0);
    expect(idf(100, 50)).toBeGreaterThan(0);
    expect(idf(8, 8)).toBeGreaterThan(0);
  });
});
