// A recorded arXiv API entry of a published paper (v3, journal reference, DOI) as it read before
// publication, for the benchmarks whose local API stand-in answers some papers as published since.

/** The recorded published entry as it read before publication: v1, no journal reference or DOI. */
export function preprintOf(entry: string): string {
  return entry
    .replace(/\s*<arxiv:journal_ref>[^]*?<\/arxiv:journal_ref>/, '')
    .replace(/\s*<arxiv:doi>[^]*?<\/arxiv:doi>/, '')
    .replace(/\s*<link[^>]*title="doi"[^>]*\/>/, '')
    .replace(/(arxiv\.org\/(?:abs|pdf)\/[^<"]+?)v3/g, '$1v1');
}
