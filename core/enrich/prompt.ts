// The words sent to the model: one request per paper asks for every missing part as JSON.
// The paper travels as a JSON block so titles and abstracts can't be read as instructions.

import type { Paper } from '../arxiv/paper';
import type { ChatMessage } from './client';
import type { EnrichKind } from './settings';

/** "Chinese (China)" for "zh-CN"; the tag itself where Intl has no name for it. */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
    return name && name !== tag ? name : tag;
  } catch {
    return tag;
  }
}

const SYSTEM = [
  'You translate and summarise arXiv papers for researchers.',
  'Reply with one JSON object and nothing else.',
  'Keep model names, acronyms, numbers, citations and LaTeX math such as $x^2$ exactly as written.',
  'Never add facts that are not in the paper.',
].join(' ');

export interface PromptRequest {
  paper: Pick<Paper, 'id' | 'title' | 'abstract'>;
  kinds: EnrichKind[];
  /** Language per kind, as BCP 47 tags. */
  languageOf: (kind: EnrichKind) => string;
  /** Why the previous answer was turned down, so the retry can do better. */
  previousProblem?: string;
}

function instruction(kind: EnrichKind, language: string): string {
  const name = `${languageName(language)} (${language})`;
  switch (kind) {
    case 'title':
      return `"title": the title translated into ${name}, one line.`;
    case 'abstract':
      return `"abstract": the abstract translated into ${name}, complete, same paragraphs.`;
    case 'tldr':
      return `"tldr": one sentence of at most 30 words in ${name} saying what the paper does and what it finds.`;
  }
}

export function buildMessages(request: PromptRequest): ChatMessage[] {
  const { paper, kinds } = request;
  const source: Record<string, string> = { title: paper.title };
  if (kinds.includes('abstract') || kinds.includes('tldr')) source.abstract = paper.abstract;
  const lines = ['Return a JSON object with exactly these keys:', ...kinds.map((kind) => `- ${instruction(kind, request.languageOf(kind))}`)];
  if (request.previousProblem) lines.push(`Your previous answer was not usable: ${request.previousProblem}`);
  lines.push(`Keys: ${kinds.join(', ')}`, 'Paper:', JSON.stringify(source));
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: lines.join('\n') },
  ];
}

/**
 * max_tokens for one request: room for the parts asked (a CJK translation may take a token per
 * character of English) and for a reasoning model's thinking, but not for a model that runs on.
 */
export function answerTokens(paper: Pick<Paper, 'title' | 'abstract'>, kinds: EnrichKind[]): number {
  let characters = 0;
  if (kinds.includes('title')) characters += paper.title.length;
  if (kinds.includes('abstract')) characters += paper.abstract.length;
  if (kinds.includes('tldr')) characters += 300;
  return Math.min(16_384, 1_024 + 2 * characters);
}
