// `digests` links by the digest's path, so a journal note of the same name cannot take
// the link; the bare links earlier versions wrote become that form, and one date stays one entry.
// The daily note keeps a link the app rewrote after a rename when it still leads to the same note.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { digestLink, mergeDigests } from '../../core/notes/digest-links';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { resolveAmong } from '../../core/notes/link-resolution';
import { renderPaperNote } from '../../core/notes/paper-note';
import { sameButLinkForm } from '../../core/notes/same-links';
import { writeAnnouncement } from '../../core/notes/write';
import { MemoryStore } from '../../core/notes/memory-store';
import { makePaper, sampleAnnouncement } from '../support/papers';

const inDaily = (name: string) => `arXiv/Daily/${name}.md`;

describe('digest links', () => {
  it('link by the digest’s path and show its name', () => {
    expect(digestLink('arXiv/Daily/2026-05-29.md')).toBe('[[arXiv/Daily/2026-05-29|2026-05-29]]');
    expect(digestLink('Research/arXiv/2026-05-29 arXiv.md')).toBe('[[Research/arXiv/2026-05-29 arXiv|2026-05-29 arXiv]]');
    // In the vault root the name is the path.
    expect(digestLink('2026-05-29.md')).toBe('[[2026-05-29]]');
  });

  it('are written as one quoted YAML item that reads back as the same link', () => {
    const text = renderPaperNote(makePaper({ id: '2605.00001' }), { citekey: 'a2026b', keywords: [], digests: [inDaily('2026-05-29')] });
    expect(text).toContain("\ndigests:\n  - '[[arXiv/Daily/2026-05-29|2026-05-29]]'\n");
    expect(readFrontmatter(text).digests).toEqual(['[[arXiv/Daily/2026-05-29|2026-05-29]]']);
  });

  it('rewrite bare links in place, keep the person’s own, and add the new digest', () => {
    const existing = ['[[2026-05-27]]', '[[My reading log]]', '[[2026-05-28 arXiv]]'];
    expect(mergeDigests(existing, [inDaily('2026-05-29')], inDaily)).toEqual([
      '[[arXiv/Daily/2026-05-27|2026-05-27]]',
      '[[My reading log]]',
      '[[arXiv/Daily/2026-05-28 arXiv|2026-05-28 arXiv]]',
      '[[arXiv/Daily/2026-05-29|2026-05-29]]',
    ]);
  });

  it('count the old and the new form of one date as one entry', () => {
    expect(mergeDigests(['[[2026-05-29]]'], [inDaily('2026-05-29')], inDaily)).toEqual(['[[arXiv/Daily/2026-05-29|2026-05-29]]']);
    expect(mergeDigests(['[[2026-05-29]]', '[[arXiv/Daily/2026-05-29|2026-05-29]]'], [], inDaily)).toEqual(['[[arXiv/Daily/2026-05-29|2026-05-29]]']);
    // A link Obsidian rewrote after the digest was renamed still counts for that digest.
    expect(mergeDigests(['[[Friday 29 May|2026-05-29]]'], ['arXiv/Daily/Friday 29 May.md'], inDaily)).toBeNull();
  });

  it('change nothing when every link is current, or when the list is not plain', () => {
    expect(mergeDigests(['[[arXiv/Daily/2026-05-29|2026-05-29]]'], [inDaily('2026-05-29')], inDaily)).toBeNull();
    expect(mergeDigests([{ link: '[[2026-05-29]]' }], [inDaily('2026-05-30')], inDaily)).toBeNull();
  });

  it('point a bare link at the digest the vault holds for that date, wherever it is', async () => {
    const paper = sampleAnnouncement().papers[0]!;
    const old = renderPaperNote(paper, { citekey: 'old2026', keywords: ['Language models'], digests: ['2026-05-28'] });
    const store = new MemoryStore({
      'Mine.md': old,
      'Archive/2026-05-28.md': '---\ndate: 2026-05-28\ntags:\n  - paper-feed/daily\n---\n',
    });
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store);
    expect(readFrontmatter(store.files.get('Mine.md')!).digests).toEqual(['[[Archive/2026-05-28|2026-05-28]]', '[[arXiv/Daily/2026-05-29|2026-05-29]]']);
    expect(store.files.get('Mine.md')!.replace(/\ndigests:\n( {2}- .*\n)+/, '\n')).toBe(old.replace(/\ndigests:\n( {2}- .*\n)+/, '\n'));
  });
});

describe('links the app rewrote after a rename', () => {
  const resolve = resolveAmong(['arXiv/Papers/New name.md', 'arXiv/Daily/d.md']);
  const fresh = 'See [[arXiv/Papers/New name|A title]] · [arXiv:1](https://arxiv.org/abs/1)';

  it('count as the same when they lead to the same note and show the same text', () => {
    for (const current of [
      'See [[New name|A title]] · [arXiv:1](https://arxiv.org/abs/1)',
      'See [[../Papers/New name|A title]] · [arXiv:1](https://arxiv.org/abs/1)',
      'See [[arXiv/Papers/new name|A title]] · [arXiv:1](https://arxiv.org/abs/1)',
    ]) {
      expect(sameButLinkForm(current, fresh, 'arXiv/Daily/d.md', resolve)).toBe(true);
    }
    // The Markdown link written for an odd name, and the one Obsidian writes in its place.
    expect(sameButLinkForm('[A title](../Papers/New%20name.md)', '[A title](<arXiv/Papers/New%20name.md>)', 'arXiv/Daily/d.md', resolve)).toBe(true);
  });

  it('differ when the text, a web link or the note differs', () => {
    expect(sameButLinkForm('See [[New name|Another title]] · [arXiv:1](https://arxiv.org/abs/1)', fresh, 'arXiv/Daily/d.md', resolve)).toBe(false);
    expect(sameButLinkForm('See [[New name|A title]] · [arXiv:2](https://arxiv.org/abs/2)', fresh, 'arXiv/Daily/d.md', resolve)).toBe(false);
    expect(sameButLinkForm('See [[Old name|A title]] · [arXiv:1](https://arxiv.org/abs/1)', fresh, 'arXiv/Daily/d.md', resolve)).toBe(false);
  });

  it('leave the CLI’s daily note unwritten after a rename the app made', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store);
    const from = 'arXiv/Papers/Attention Is Still All You Need (2605.28861).md';
    store.rename(from, 'arXiv/Papers/Attention again.md');
    const daily = 'arXiv/Daily/2026-05-29.md';
    const rewritten = store.files.get(daily)!.split('[[arXiv/Papers/Attention Is Still All You Need (2605.28861)|').join('[[Attention again|');
    store.files.set(daily, rewritten);
    const writes = store.writes;

    const report = await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store);

    expect(report.dailyNoteChange).toBe('unchanged');
    expect(store.files.get(daily)).toBe(rewritten);
    expect(store.writes).toBe(writes);
  });
});
