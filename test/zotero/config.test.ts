// The library source setting: off, the running Zotero, or an export file.
import { describe, expect, it } from 'vitest';
import { librarySource } from '../../core/config';
import { validateConfig } from '../../core/config-validate';

describe('library.source', () => {
  it('defaults to the file when one is named, else to none, as before there was a choice', () => {
    expect(librarySource(validateConfig({}).library)).toBe('off');
    expect(librarySource(validateConfig({ library: { file: 'Zotero/library.bib' } }).library)).toBe('file');
    expect(validateConfig({ library: { source: 'zotero', file: 'Zotero/library.bib', zoteroPort: 24119 } }).library).toEqual({
      keepKeys: ['rating', 'status: read', 'tag: paper/keep'],
      file: 'Zotero/library.bib',
      source: 'zotero',
      zoteroPort: 24119,
    });
  });

  it('says in one line what is wrong with a value', () => {
    expect(() => validateConfig({ library: { source: 'Zotero app' } }, 'paper-feed.config.json')).toThrow(
      'library.source: "Zotero app" is not one of "off", "zotero", "file". Fix it in paper-feed.config.json.',
    );
    expect(() => validateConfig({ library: { source: 'file' } })).toThrow(
      'library.source: "file" needs library.file, the .bib or CSL-JSON export to read; name it, or choose "zotero" or "off".',
    );
    expect(() => validateConfig({ library: { zoteroPort: 99999 } })).toThrow(
      'library.zoteroPort: 99999 is not a port number; Zotero listens on 23119 (Juris-M on 24119).',
    );
  });
});
