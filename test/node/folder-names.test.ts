// A folder's names kept as fingerprints: the same answers as a map of every folded name, with the
// folder listed again only when a fingerprint matches.
import { describe, expect, it } from 'vitest';
import { FolderNames } from '../../core/node/folder-names';
import { pathKey } from '../../core/vault/index-of';

/** A folder whose names can change, listed two names a batch, counting how often it is listed. */
function folder(names: string[]) {
  const listed = { times: 0 };
  const list = async function* () {
    listed.times += 1;
    const now = [...names];
    for (let i = 0; i < now.length; i += 2) yield now.slice(i, i + 2);
  };
  return { names, listed, list };
}

describe('FolderNames', () => {
  it('finds the name a new note would clash with on a disk that ignores case and accent forms', async () => {
    const { list } = folder(['Cafe\u0301 Notes.md', 'HeavySkill.md', 'Sub', 'other.txt']);
    const names = await FolderNames.of(list);
    expect(await names.find(pathKey('café notes.md'))).toBe('Cafe\u0301 Notes.md');
    expect(await names.find(pathKey('heavyskill.md'))).toBe('HeavySkill.md');
    expect(await names.find(pathKey('sub'))).toBe('Sub');
    expect(await names.find(pathKey('missing.md'))).toBeUndefined();
  });

  it('lists the folder once when no fingerprint matches, and again to confirm one that does', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `Paper ${i}.md`);
    const { list, listed } = folder(many);
    const names = await FolderNames.of(list);
    for (let i = 0; i < 100; i += 1) expect(await names.find(pathKey(`New paper ${i}.md`))).toBeUndefined();
    expect(listed.times).toBe(1);
    expect(await names.find(pathKey('PAPER 4321.md'))).toBe('Paper 4321.md');
    expect(listed.times).toBe(2);
  });

  it('answers from the folder as it is when confirming, and with the name listed last of two that fold alike', async () => {
    const { names: inFolder, list } = folder(['Note.md', 'NOTE.md', 'Gone.md']);
    const names = await FolderNames.of(list);
    expect(await names.find('note.md')).toBe('NOTE.md');
    inFolder.splice(inFolder.indexOf('Gone.md'), 1);
    expect(await names.find('gone.md')).toBeUndefined();
  });

  it('knows the names added since it was listed, without listing again', async () => {
    const { list, listed } = folder(['a.md']);
    const names = await FolderNames.of(list);
    names.add('Added Today.md');
    expect(await names.find('added today.md')).toBe('Added Today.md');
    expect(listed.times).toBe(1);
  });
});
