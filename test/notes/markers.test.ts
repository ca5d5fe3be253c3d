import { describe, expect, it } from 'vitest';
import { BLOCK_END, BLOCK_START, findMarkedBlock, markedBlock, replaceMarkedBlock } from '../../core/notes/markers';

describe('marked block', () => {
  const note = `before\n${BLOCK_START}\nold\nlines\n${BLOCK_END}\nafter\n`;

  it('replaces only the text between the marker lines', () => {
    expect(replaceMarkedBlock(note, 'new')).toBe(`before\n${BLOCK_START}\nnew\n${BLOCK_END}\nafter\n`);
  });

  it('returns null when the person removed a marker', () => {
    expect(replaceMarkedBlock(`before\n${BLOCK_START}\nold\nafter\n`, 'new')).toBeNull();
    expect(replaceMarkedBlock('plain note\n', 'new')).toBeNull();
  });

  it('counts markers only as whole lines', () => {
    const inline = `a ${BLOCK_START} b\n${BLOCK_START}\nx ${BLOCK_END}\n${BLOCK_END}\n`;
    expect(replaceMarkedBlock(inline, 'y')).toBe(`a ${BLOCK_START} b\n${BLOCK_START}\ny\n${BLOCK_END}\n`);
  });

  it('keeps Windows line endings', () => {
    expect(replaceMarkedBlock(`${BLOCK_START}\r\nold\r\n${BLOCK_END}\r\n`, 'a\nb')).toBe(`${BLOCK_START}\r\na\r\nb\r\n${BLOCK_END}\r\n`);
  });

  it('searches from the given offset, so frontmatter cannot hold a block', () => {
    const text = `${BLOCK_START}\n${BLOCK_END}\nbody\n${BLOCK_START}\nx\n${BLOCK_END}\n`;
    expect(findMarkedBlock(text, text.indexOf('body'))).toEqual({ start: text.lastIndexOf('x'), end: text.lastIndexOf(BLOCK_END), eol: '\n' });
  });

  it('wraps generated text in the markers', () => {
    expect(markedBlock('x\n\n')).toBe(`${BLOCK_START}\nx\n${BLOCK_END}`);
  });
});
