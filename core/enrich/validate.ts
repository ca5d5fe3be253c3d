// Turns a model's answer into the parts asked for, and turns down the ones that can't go
// into a note: empty, in the wrong language, or far longer than what they stand for.

import type { Paper } from '../arxiv/paper';
import { languageProblem, readsAsEnglish } from './language-check';
import { translationProblem } from './faithful';
import type { EnrichKind } from './settings';

export interface CheckedAnswer {
  accepted: Partial<Record<EnrichKind, string>>;
  /** Why each turned-down part was turned down, in words fit for a report. */
  rejected: Partial<Record<EnrichKind, string>>;
  /** The same reasons as kinds, so a run can count papers turned down the same way. */
  codes: Partial<Record<EnrichKind, TurnDown>>;
}

/** Kinds of turned-down answer, each with its own line of advice (see reasons.ts). */
export type TurnDown = 'empty' | 'cut-short' | 'not-json' | 'no-field' | 'too-long' | 'english' | 'wrong-language' | 'not-a-translation';

/** Why one part can't be used. */
export interface PartProblem {
  code: TurnDown;
  text: string;
}

/** Key spellings models use instead of the one asked for. */
const ALIASES: Record<EnrichKind, string[]> = {
  title: ['title', 'translated_title', 'title_translated', 'translation'],
  abstract: ['abstract', 'translated_abstract', 'abstract_translated', 'translation'],
  tldr: ['tldr', 'tl;dr', 'tl_dr', 'summary', 'one_sentence_summary'],
};

/** A TL;DR is one sentence; past this it is a second abstract. */
const LONGEST_TLDR = 500;

/**
 * Reasoning models (DeepSeek-R1, QwQ) may think aloud before answering, often without the
 * opening tag: everything up to the last closing tag is thinking, whatever it holds.
 */
export function withoutThinking(content: string): string {
  const end = content.toLowerCase().lastIndexOf('</think>');
  const answer = end >= 0 ? content.slice(end + '</think>'.length) : content;
  return answer.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
}

function withoutFence(content: string): string {
  const fenced = /^```[a-z]*\s*\n?([\s\S]*?)\n?```$/i.exec(content.trim());
  return fenced ? fenced[1]!.trim() : content.trim();
}

function asObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // not JSON this way
  }
  return undefined;
}

/** Openings tried from the end: enough for an answer after a page of reasoning with braces in it. */
const OPENINGS_TRIED = 200;

function parseObject(content: string): Record<string, unknown> | undefined {
  const whole = asObject(content);
  if (whole) return whole;
  const end = content.lastIndexOf('}');
  if (end < 0) return undefined;
  const first = content.indexOf('{');
  const outer = first >= 0 && first < end ? asObject(content.slice(first, end + 1)) : undefined;
  if (outer) return outer;
  // Text around the answer with braces of its own ("the set {x}"): the answer is the last object.
  let at = end;
  for (let tried = 0; tried < OPENINGS_TRIED; tried++) {
    at = content.lastIndexOf('{', at - 1);
    if (at < 0) return undefined;
    const found = asObject(content.slice(at, end + 1));
    if (found) return found;
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
export function partProblem(kind: EnrichKind, text: string, paper: Pick<Paper, 'title' | 'abstract'>, language: string): string | undefined {
  return checkPart(kind, text, paper, language)?.text;
}

/** partProblem with the kind of problem, for counting. */
export function checkPart(kind: EnrichKind, text: string, paper: Pick<Paper, 'title' | 'abstract'>, language: string): PartProblem | undefined {
  if (text === '') return { code: 'empty', text: 'the answer was empty' };
  const source = kind === 'title' ? paper.title : paper.abstract;
  // Slack lets a short source grow: a 10-letter title may fairly become 30 in German.
  const longest = kind === 'tldr' ? Math.min(LONGEST_TLDR, source.length + 80) : 3 * source.length + 80;
  if (text.length > longest) return { code: 'too-long', text: `the answer was much longer than the ${kind === 'tldr' ? 'abstract' : kind}` };
  const wrong = languageProblem(text, language, source);
  if (wrong) return { code: readsAsEnglish(text, source) ? 'english' : 'wrong-language', text: `the answer was in the wrong language (${wrong})` };
  const unlike = kind === 'tldr' ? undefined : translationProblem(text, source);
  return unlike ? { code: 'not-a-translation', text: `the answer is not a translation of the ${kind} (${unlike})` } : undefined;
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
  const result: CheckedAnswer = { accepted: {}, rejected: {}, codes: {} };
  const reject = (kind: EnrichKind, code: TurnDown, reason: string) => {
    result.rejected[kind] = reason;
    result.codes[kind] = code;
  };
  const rejectAll = (code: TurnDown, reason: string) => {
    for (const kind of kinds) reject(kind, code, reason);
    return result;
  };
  if (finishReason === 'length') return rejectAll('cut-short', 'the answer was cut short');
  const text = withoutFence(withoutThinking(content));
  if (text === '') return rejectAll('empty', 'the answer was empty');

  const only = kinds.length === 1;
  const object = parseObject(text) ?? salvageFields(text, kinds);
  // Plain text only counts when it isn't a JSON attempt cut short or mangled.
  if (!object && (!only || text.startsWith('{'))) return rejectAll('not-json', 'the answer was not JSON');

  for (const kind of kinds) {
    const value = object ? pick(object, kind, only) : plainText(text);
    if (typeof value !== 'string') {
      reject(kind, 'no-field', object && value === undefined ? `the answer had no "${kind}"` : `the "${kind}" was not text`);
      continue;
    }
    const tidied = tidy(kind, value);
    const problem = checkPart(kind, tidied, paper, languageOf(kind));
    if (problem) reject(kind, problem.code, problem.text);
    else result.accepted[kind] = tidied;
  }
  return result;
}
