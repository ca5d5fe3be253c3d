import { describe, expect, it } from 'vitest';
import { libraryFromCslJson } from '../../core/rank/csl-json';
import { PaperFeedError } from '../../core/errors';

const CSL = JSON.stringify([
  {
    id: 'http://zotero.org/users/1/items/ABCD',
    type: 'article-journal',
    title: 'Offline Reinforcement Learning: Tutorial, Review, and Perspectives',
    abstract: '<jats:p>Offline reinforcement learning learns from previously collected data.</jats:p>',
    author: [{ family: 'Levine', given: 'Sergey' }, { family: 'Kumar', given: 'Aviral' }, { literal: 'The RL Group' }],
    issued: { 'date-parts': [[2020, 5]] },
  },
  { id: 42, title: 'No abstract here', issued: { 'date-parts': [[2019]] } },
  { id: 'raw-date', title: 'Graph Networks', abstract: 'Message passing on graphs.', issued: { raw: '2018-06-04' } },
  { title: 'No id or date', abstract: 'Still counts.' },
  'not an item',
]);

describe('libraryFromCslJson', () => {
  it('reads items with a title and an abstract', () => {
    expect(libraryFromCslJson(CSL)).toEqual([
      {
        id: 'http://zotero.org/users/1/items/ABCD',
        title: 'Offline Reinforcement Learning: Tutorial, Review, and Perspectives',
        abstract: 'Offline reinforcement learning learns from previously collected data.',
        authors: ['Sergey Levine', 'Aviral Kumar', 'The RL Group'],
        addedAt: Date.UTC(2020, 4, 1),
      },
      { id: 'raw-date', title: 'Graph Networks', abstract: 'Message passing on graphs.', addedAt: Date.UTC(2018, 5, 4) },
      { id: 'item 4', title: 'No id or date', abstract: 'Still counts.' },
    ]);
  });

  it('says what to do when the file is not a CSL-JSON list', () => {
    for (const text of ['{"items": []}', 'not json']) {
      expect(() => libraryFromCslJson(text)).toThrow(PaperFeedError);
      expect(() => libraryFromCslJson(text)).toThrow('The library file is not CSL-JSON (a JSON list of items): export it again as "CSL JSON" from Zotero.');
    }
  });
});
