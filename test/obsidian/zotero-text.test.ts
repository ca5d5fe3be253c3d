// Reading a paper back out of Paper Feed's own Markdown for "Save to Zotero".
import { describe, expect, it } from 'vitest';
import { renderPaperNote } from '../../core/notes/paper-note';
import { paperAbstractOf, paperIdNear } from '../../obsidian-plugin/zotero-text';
import { makePaper } from '../support/papers';

describe('the abstract of a paper note', () => {
  it('is the text under "## Abstract", with Markdown escapes undone, as the note was written', () => {
    const abstract = 'We bound *regret* by $O(\\sqrt{T})$ for [bandits] with 50% fewer_samples.\n\nA second paragraph # here.';
    const note = renderPaperNote(makePaper({ abstract }), { citekey: 'a2026', keywords: [], digests: [] });
    expect(paperAbstractOf(note)).toBe(abstract);
    expect(paperAbstractOf(note.replace(/\n/g, '\r\n'))).toBe(abstract);
    expect(paperAbstractOf(renderPaperNote(makePaper({ abstract: '' }), { citekey: 'a2026', keywords: [], digests: [] }))).toBe('');
    expect(paperAbstractOf('---\narxiv_id: 2605.00001\n---\nMy own note without the block.\n')).toBe('');
  });
});

describe('the paper under the cursor in a daily note', () => {
  const lines = [
    '## Top picks',
    '- [[arXiv/Papers/Pick|Pick]] · 0.33 — close to [[Reading/Kept|Kept]]; shares *x*',
    '## Language models (2)',
    '### [[arXiv/Papers/First|First]]',
    'Ada Lovelace · cs.CL · [arXiv:2605.21407](https://arxiv.org/abs/2605.21407) · [PDF](https://arxiv.org/pdf/2605.21407v1)',
    '',
    '> [!abstract]- Abstract',
    '> Text of the first abstract.',
    '### [[arXiv/Papers/Old style|Old style]]',
    'B · hep-th · [arXiv:hep-th/9901001](https://arxiv.org/abs/hep-th/9901001) · [PDF](https://arxiv.org/pdf/hep-th/9901001v2)',
    '## Diffusion (0)',
  ];
  const notes: Record<string, string> = { 'arXiv/Papers/Pick': '2605.30001', 'arXiv/Papers/First': '2605.21407' };
  const resolve = (link: string) => notes[link];

  it('is the paper of the entry the line belongs to, by its abs link or its note', () => {
    expect(lines.map((_, i) => paperIdNear(lines, i, resolve) ?? null)).toEqual([
      null,
      '2605.30001',
      null,
      '2605.21407',
      '2605.21407',
      '2605.21407',
      '2605.21407',
      '2605.21407',
      'hep-th/9901001',
      'hep-th/9901001',
      null,
    ]);
  });
});
