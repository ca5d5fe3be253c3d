// An arXiv paper as the item Zotero's own arXiv translator would make of it (the `items[]` shape
// /connector/saveItems takes): a preprint with arXiv's identifiers where Zotero looks for them.

import type { Paper } from '../arxiv/paper';
import { familyName } from '../cite/names';
import { texToPlain } from '../text/tex-tokens';

export interface TranslatorItem {
  itemType: 'preprint';
  title: string;
  creators: Array<{ firstName?: string; lastName: string; creatorType: 'author' } | { name: string; creatorType: 'author' }>;
  abstractNote: string;
  date: string;
  repository: 'arXiv';
  archiveID: string;
  number: string;
  DOI: string;
  url: string;
  extra: string;
  libraryCatalog: 'arXiv.org';
  tags: Array<{ tag: string }>;
  notes: Array<{ note: string }>;
  attachments: Array<{ title: string; url: string; mimeType: string; snapshot: false }>;
}

export function translatorItem(paper: Paper): TranslatorItem {
  return {
    itemType: 'preprint',
    title: texToPlain(paper.title),
    creators: paper.authors.map((author) => creatorOf(author.name)),
    abstractNote: texToPlain(paper.abstract),
    date: paper.published ?? paper.updated ?? '',
    repository: 'arXiv',
    archiveID: `arXiv:${paper.id}`,
    number: `arXiv:${paper.id}`,
    // arXiv's own DOI unless arXiv knows the journal's; archiveID keeps the arXiv id either way.
    DOI: paper.doi ?? `10.48550/arXiv.${paper.id}`,
    // As Zotero's own arXiv translator writes it, so a save matches an item Zotero made itself.
    url: `http://arxiv.org/abs/${paper.id}`,
    extra: `arXiv:${paper.id} [${paper.primaryCategory}]`,
    libraryCatalog: 'arXiv.org',
    tags: paper.categories.map((category) => ({ tag: category })),
    notes: paper.comment ? [{ note: `Comment: ${paper.comment}` }] : [],
    // A linked PDF: Zotero 7.0.20+ keeps only `snapshot: false` attachments in saveItems itself.
    attachments: [{ title: 'Preprint PDF', url: paper.pdfUrl, mimeType: 'application/pdf', snapshot: false }],
  };
}

function creatorOf(name: string): TranslatorItem['creators'][number] {
  const whole = name.replace(/\s+/g, ' ').trim();
  const family = familyName(whole);
  if (family === whole || /\b(collaboration|consortium|team|group)\b/i.test(whole)) return { name: whole, creatorType: 'author' };
  const comma = whole.indexOf(',');
  const given = comma > 0 && whole.slice(0, comma).trim() === family ? whole.slice(comma + 1).trim() : whole.slice(0, whole.lastIndexOf(family)).trim();
  return { firstName: given, lastName: family, creatorType: 'author' };
}
