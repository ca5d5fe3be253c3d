import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paperBlock, paperFrontmatter, renderPaperNote, updatePaperNote, type PaperNoteFacts } from '../../core/notes/paper-note';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { BLOCK_END, BLOCK_START, findMarkedBlock } from '../../core/notes/markers';
import { makePaper } from '../support/papers';
import { hostileText } from './hostile';

const facts: PaperNoteFacts = { citekey: 'lovelace2026study', keywords: ['Diffusion'], digests: ['2026-05-29'] };
const v1 = makePaper({
  id: '2605.10001',
  title: 'Diffusion: A \\textbf{Study}',
  authors: ['Ada Lovelace', 'Rémy Martin'],
  abstract: 'We study $x^2$.\n\nSecond paragraph.',
  categories: ['cs.LG', 'stat.ML'],
  published: '2026-05-27',
  updated: '2026-05-27',
});
const v2 = { ...v1, version: 2, updated: '2026-06-03', abstract: 'A better abstract.', pdfUrl: 'https://arxiv.org/pdf/2605.10001v2', doi: '10.1000/j.x' };

describe('a new paper note', () => {
  it('has exactly the contract’s frontmatter keys, optional ones only when present', () => {
    const data = readFrontmatter(renderPaperNote(v1, facts));
    expect(data).toEqual({
      title: 'Diffusion: A Study',
      authors: ['Ada Lovelace', 'Rémy Martin'],
      arxiv_id: '2605.10001',
      version: 1,
      primary_category: 'cs.LG',
      categories: ['cs.LG', 'stat.ML'],
      published: '2026-05-27',
      updated: '2026-05-27',
      url: 'https://arxiv.org/abs/2605.10001',
      pdf: 'https://arxiv.org/pdf/2605.10001v1',
      citekey: 'lovelace2026study',
      keywords: ['Diffusion'],
      digests: ['[[2026-05-29]]'],
      tags: ['paper'],
    });
    const full = readFrontmatter(renderPaperNote({ ...v1, doi: '10.1/x', journalRef: 'J. Foo 1 (2026)', comment: '9 pages' }, facts));
    expect([full.doi, full.journal_ref, full.comment]).toEqual(['10.1/x', 'J. Foo 1 (2026)', '9 pages']);
  });

  it('writes digests as quoted wikilinks and the id as a string', () => {
    const text = renderPaperNote(v1, facts);
    expect(text).toContain("\ndigests:\n  - '[[2026-05-29]]'\n");
    expect(text).toContain("\narxiv_id: '2605.10001'\n");
    expect(text).toContain('\npublished: 2026-05-27\n');
  });

  it('puts the generated part between markers and leaves an empty Notes section', () => {
    const text = renderPaperNote(v1, facts);
    const body = text.slice(text.indexOf(BLOCK_START));
    expect(body).toBe(`${BLOCK_START}\n${paperBlock(v1, facts.citekey)}\n${BLOCK_END}\n\n## Notes\n\n`);
    const block = paperBlock(v1, facts.citekey);
    expect(block.split('\n').slice(0, 5)).toEqual([
      '# Diffusion: A **Study**',
      '',
      '- **Authors:** Ada Lovelace, Rémy Martin',
      '- **arXiv:** [2605.10001v1](https://arxiv.org/abs/2605.10001) · [PDF](https://arxiv.org/pdf/2605.10001v1) · **cs.LG**, stat.ML',
      '- **Dates:** v1 2026-05-27',
    ]);
    expect(block).toContain('## Abstract\n\nWe study $x^2$.\n\nSecond paragraph.\n');
    expect(block).toContain('## BibTeX\n\n```bibtex\n@misc{lovelace2026study,\n');
  });

  it('keeps an abstract holding the end marker or "---" inside the block', () => {
    const hostile = { ...v1, abstract: `${BLOCK_END}\n\n---\ntitle: injected\n---` };
    const text = renderPaperNote(hostile, facts);
    const range = findMarkedBlock(text)!;
    expect(text.slice(range.start, range.end)).toBe(`${paperBlock(hostile, facts.citekey)}\n`);
    expect(readFrontmatter(text).title).toBe('Diffusion: A Study');
    expect(text.endsWith(`${BLOCK_END}\n\n## Notes\n\n`)).toBe(true);
  });
});

describe('updating a paper note', () => {
  const personal = (text: string) =>
    text
      .replace('\ntags:\n', '\nrating: 5\nmy_status: "reading"\ntags:\n')
      .replace(BLOCK_START, `Text above the block.\n${BLOCK_START}`)
      .replace('## Notes\n\n', '## Notes\n\nMy thoughts, with [[links]] and #tags.\n');

  it('changes nothing when the same version comes again', () => {
    const text = personal(renderPaperNote(v1, facts));
    expect(updatePaperNote(text, v1, facts)).toBe(text);
  });

  it('adds new keywords, digests and tags without rewriting the facts', () => {
    const text = personal(renderPaperNote(v1, facts));
    const edited = text.replace("title: 'Diffusion: A Study'", 'title: My own title');
    const out = updatePaperNote(edited, v1, { citekey: 'other', keywords: ['Diffusion', 'Theory'], digests: ['2026-06-01'] });
    const data = readFrontmatter(out);
    expect(data.title).toBe('My own title');
    expect(data.citekey).toBe('lovelace2026study');
    expect(data.keywords).toEqual(['Diffusion', 'Theory']);
    expect(data.digests).toEqual(['[[2026-05-29]]', '[[2026-06-01]]']);
    expect(out.slice(out.indexOf('\ntags:'))).toBe(edited.slice(edited.indexOf('\ntags:')));
  });

  it('brings a newer version in and keeps every key and line the person wrote', () => {
    const text = personal(renderPaperNote(v1, facts));
    const out = updatePaperNote(text, v2, { ...facts, digests: ['2026-06-04'] });
    const data = readFrontmatter(out);
    expect([data.version, data.updated, data.pdf, data.doi, data.rating, data.my_status]).toEqual([
      2,
      '2026-06-03',
      'https://arxiv.org/pdf/2605.10001v2',
      '10.1000/j.x',
      5,
      'reading',
    ]);
    expect(data.digests).toEqual(['[[2026-05-29]]', '[[2026-06-04]]']);
    expect(out).toContain('\nrating: 5\nmy_status: "reading"\n');
    expect(out).toContain(`Text above the block.\n${BLOCK_START}\n`);
    expect(out).toContain('A better abstract.');
    expect(out).not.toContain('We study');
    expect(out.endsWith(`${BLOCK_END}\n\n## Notes\n\nMy thoughts, with [[links]] and #tags.\n`)).toBe(true);
  });

  it('leaves the body alone when the person deleted the markers', () => {
    const text = personal(renderPaperNote(v1, facts)).replace(`${BLOCK_START}\n`, '');
    const out = updatePaperNote(text, v2, facts);
    expect(readFrontmatter(out).version).toBe(2);
    const bodyOf = (t: string) => t.slice(t.indexOf('\n---\n', 4));
    expect(bodyOf(out)).toBe(bodyOf(text));
  });

  it('keeps a citekey the person changed, also in the regenerated BibTeX', () => {
    const text = renderPaperNote(v1, facts).replace('citekey: lovelace2026study', 'citekey: ada-diffusion');
    const out = updatePaperNote(text, v2, facts);
    expect(readFrontmatter(out).citekey).toBe('ada-diffusion');
    expect(out).toContain('@misc{ada-diffusion,');
  });

  it('merges tags written as one string without losing them', () => {
    const text = renderPaperNote(v1, facts).replace('tags:\n  - paper\n', 'tags: reading, ml\n');
    expect(readFrontmatter(updatePaperNote(text, v1, facts)).tags).toEqual(['reading', 'ml', 'paper']);
  });
});

describe('paper notes with hostile metadata (property)', () => {
  it('parse back to the frontmatter written and keep the block and the Notes section', () => {
    const paper = fc.record({
      title: hostileText(),
      abstract: hostileText(),
      comment: hostileText(),
      authors: fc.array(hostileText(), { minLength: 1, maxLength: 3 }),
      keyword: hostileText(),
    });
    fc.assert(
      fc.property(paper, ({ title, abstract, comment, authors, keyword }) => {
        const p = makePaper({ title, abstract, comment, authors });
        const f = { citekey: 'k', keywords: [keyword], digests: ['2026-05-29'] };
        const text = renderPaperNote(p, f);
        expect(readFrontmatter(text)).toEqual(Object.fromEntries(paperFrontmatter(p, f)));
        const range = findMarkedBlock(text)!;
        expect(text.slice(range.start, range.end)).toBe(`${paperBlock(p, 'k')}\n`);
        const withNotes = `${text}Mine.\n`;
        const updated = updatePaperNote(withNotes, { ...p, version: 2 }, f);
        expect(updated.endsWith(`${BLOCK_END}\n\n## Notes\n\nMine.\n`)).toBe(true);
        expect(readFrontmatter(updated).version).toBe(2);
      }),
      { numRuns: 200 },
    );
  });
});
