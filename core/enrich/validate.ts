// Turns a model's answer into the parts asked for, and turns down the ones that can't go
// into a note: empty, in the wrong language, or far longer than what they stand for.

import type { Paper } from '../arxiv/paper';
import { languageProblem } from './language-check';
import type { EnrichKind } from './settings';

export interface CheckedAnswer {
  accepted: Partial<Record<EnrichKind, string>>;
  /** Why each turned-down part was turned down, in words fit for a report. */
  rejected: Partial<Record<EnrichKind, string>>;
}

/** Key spellings models use instead of the one asked for. */
const ALIASES: Record<EnrichKind, string[]> = {
  title: ['title', 'translated_title', 'title_translated', 'translation'],
  abstract: ['abstract', 'translated_abstract', 'abstract_translated', 'translation'],
  tldr: ['tldr', 'tl;dr', 'tl_dr', 'summary', 'one_sentence_summary'],
};

/** A TL;DR is one sentence; past this it is a second abstract. */
const LONGEST_TLDR = 500;

/** Reasoning models (DeepSeek-R1, QwQ) may think aloud before answering. */
function withoutThinking(content: string): string {
  return content.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
}

function withoutFence(content: string): string {
  const fenced = /^```[a-z]*\s*\n?([\s\S]*?)\n?```$/i.exec(content.trim());
  return fenced ? fenced[1]!.trim() : content.trim();
}

function parseObject(content: string): Record<string, unknown> | undefined {
  const attempts = [content];
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start >= 0 && end > start) attempts.push(content.slice(start, end + 1));
  for (const text of attempts) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // not JSON this way; try the next
    }
  }
  return undefined;
}

/** Complete `"key": "value"` pairs out of JSON that won't parse (a stray comma, no closing brace). */
function salvageFields(text: string, kinds: EnrichKind[]): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  const found: Record<string, unknown> = {};
  for (const kind of kinds) {
    for (const alias of ALIASES[kind]) {
      const match = new RegExp(`"${alias}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`, 'i').exec(text);
      if (!match) continue;
      try {
        found[kind] = JSON.parse(match[1]!);
        break;
      } catch {
        // an escape JSON doesn't know; look for another spelling
      }
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

function pick(object: Record<string, unknown>, kind: EnrichKind, onlyKind: boolean): unknown {
  const byLowerKey = new Map(Object.entries(object).map(([k, v]) => [k.toLowerCase(), v]));
  for (const alias of ALIASES[kind]) if (byLowerKey.has(alias)) return byLowerKey.get(alias);
  // One part asked and one string given: whatever the key, it is the answer.
  const strings = Object.values(object).filter((v) => typeof v === 'string');
  return onlyKind && Object.keys(object).length === 1 && strings.length === 1 ? strings[0] : undefined;
}

/** A plain-text answer without the labels and quotes models wrap it in. */
function plainText(content: string): string {
  return content
    .replace(/^\s*(?:\*\*)?(?:title|abstract|tl;?dr|summary|translation|标题|题目|摘要|译文|翻译|总结|タイトル|要約)(?:\*\*)?\s*[:：]\s*/i, '')
    .replace(/^["“「『]([\s\S]*)["”」』]$/, '$1')
    .trim();
}

/** Titles and TL;DRs become one line; abstracts keep their paragraph breaks. */
export function tidy(kind: EnrichKind, text: string): string {
  // Control characters (NUL, escapes) never belong in a note.
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  if (kind !== 'abstract') return clean.replace(/\s+/g, ' ').trim();
  return clean
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Why one part can't be used, or undefined when it can. */
export function partProblem(
  kind: EnrichKind,
  text: string,
  paper: Pick<Paper, 'title' | 'abstract'>,
  language: string,
): string | undefined {
  if (text === '') return 'the answer was empty';
  const source = kind === 'title' ? paper.title : paper.abstract;
  // Slack lets a short source grow: a 10-letter title may fairly become 30 in German.
  const longest = kind === 'tldr' ? Math.min(LONGEST_TLDR, source.length + 80) : 3 * source.length + 80;
  if (text.length > longest) return `the answer was much longer than the ${kind === 'tldr' ? 'abstract' : kind}`;
  const wrong = languageProblem(text, language, source);
  return wrong ? `the answer was in the wrong language (${wrong})` : undefined;
}

/**
 * Reads an answer asked for `kinds`: JSON first; plain text when the JSON is broken and only
 * one part was asked, so there is no doubt which part it is.
 */
export function checkAnswer(
  content: string,
  finishReason: string | undefined,
  kinds: EnrichKind[],
  paper: Pick<Paper, 'title' | 'abstract'>,
  languageOf: (kind: EnrichKind) => string,
): CheckedAnswer {
  const result: CheckedAnswer = { accepted: {}, rejected: {} };
  const rejectAll = (reason: string) => {
    for (const kind of kinds) result.rejected[kind] = reason;
    return result;
  };
  if (finishReason === 'length') return rejectAll('the answer was cut short');
  const text = withoutFence(withoutThinking(content));
  if (text === '') return rejectAll('the answer was empty');

  const only = kinds.length === 1;
  const object = parseObject(text) ?? salvageFields(text, kinds);
  // Plain text only counts when it isn't a JSON attempt cut short or mangled.
  if (!object && (!only || text.startsWith('{'))) return rejectAll('the answer was not JSON');

  for (const kind of kinds) {
    const value = object ? pick(object, kind, only) : plainText(text);
    if (typeof value !== 'string') {
      result.rejected[kind] = object && value === undefined ? `the answer had no "${kind}"` : `the "${kind}" was not text`;
      continue;
    }
    const tidied = tidy(kind, value);
    const problem = partProblem(kind, tidied, paper, languageOf(kind));
    if (problem) result.rejected[kind] = problem;
    else result.accepted[kind] = tidied;
  }
  return result;
}
