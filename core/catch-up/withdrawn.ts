// Whether arXiv lists a paper as withdrawn. arXiv has no field for it: a withdrawal is a new
// version whose comment (and often abstract) says so, in words the authors or arXiv chose. The
// phrasings below are the ones in arXiv's own records (../shared/arxiv-samples/oai-pmh): "This
// paper has been withdrawn by the authors", "paper withdrawn by author", "This article has been
// withdrawn because …", "removed by arXiv administrators". A comment that merely mentions the
// word ("supersedes a withdrawn preprint") is not one.

import type { Paper } from '../arxiv/paper';

const SAYS_WITHDRAWN = [
  /^\s*(?:this\s+(?:paper|article|manuscript|submission|preprint|version|work)\s+)?(?:has\s+been|is|was)\s+withdrawn\b/i,
  /^\s*(?:paper|article|manuscript|submission|preprint)\s+(?:is\s+)?withdrawn\b/i,
  /^\s*withdrawn\b/i,
  /\bwithdrawn\s+by\s+(?:the\s+)?(?:authors?|submitter|arxiv)/i,
  /\bhas\s+been\s+removed\s+by\s+arxiv\s+administrators\b/i,
];

export function isWithdrawn(paper: Pick<Paper, 'comment' | 'abstract'>): boolean {
  const texts = [paper.comment ?? '', paper.abstract.slice(0, 300)];
  return texts.some((text) => SAYS_WITHDRAWN.some((pattern) => pattern.test(text)));
}
