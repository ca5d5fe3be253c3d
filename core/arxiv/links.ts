// arXiv's web addresses for a paper, built in one place: every note, citation, sidebar link and
// command that sends a person to arXiv uses these.

const SITE = 'https://arxiv.org';

/** The abstract page, without version: https://arxiv.org/abs/2401.01234. */
export function absUrlOf(id: string): string {
  return `${SITE}/abs/${id}`;
}

/** The PDF of one version: https://arxiv.org/pdf/2401.01234v2. */
export function pdfUrlOf(id: string, version: number): string {
  return `${SITE}/pdf/${id}v${version}`;
}
