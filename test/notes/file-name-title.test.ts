import { describe, expect, it } from 'vitest';
import { titleForFileName } from '../../core/text/tex-tokens';
import { noteFileName } from '../../core/notes/sanitize';

describe('titleForFileName', () => {
  it.each([
    ['Flow Matching with $\\mathrm{SE}(3)$ Equivariance', 'Flow Matching with SE(3) Equivariance'],
    ['On $\\alpha$-stable processes and $O(\\sqrt{n})$ bounds', 'On alpha-stable processes and O(sqrt n) bounds'],
    ['The \\textit{K}-means problem', 'The K-means problem'],
    ['Sch\\"odinger bridges in $\\mathbb{R}^d$', 'Schödinger bridges in Rd'],
    ['Plain title', 'Plain title'],
  ])('names %j as %j', (title, expected) => {
    expect(noteFileName(titleForFileName(title))).toBe(expected);
  });
});
