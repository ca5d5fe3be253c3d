// Why a paper was left untranslated, in words a person can act on: one line per reason for the
// whole run ("the model answered in English, not zh-CN, for 10 papers; try a larger model"),
// and a sentence per paper for --json.

import type { TurnDown } from './validate';

/** Why one paper has no translation (or TL;DR) after a run. */
export type UntranslatedCode =
  | TurnDown
  /** The endpoint took longer than timeoutMs. */
  | 'timeout'
  /** The endpoint failed or refused (5xx after retries, 4xx). */
  | 'server'
  /** Turned down the same way in an earlier run; asked again after a pause. */
  | 'backed-off'
  /** Past the paper budget for the run. */
  | 'budget'
  /** The time budget for the run ran out first. */
  | 'time-budget'
  /** The run stopped early (rejected key, rate limit, failures in a row). */
  | 'stopped'
  | 'cancelled';

export interface Untranslated {
  id: string;
  code: UntranslatedCode;
  /** One sentence about this paper. */
  reason: string;
}

function papers(n: number): string {
  return n === 1 ? '1 paper' : `${n} papers`;
}

/** What went wrong, as a clause ("the model answered in English, not zh-CN"). */
export function shortReason(code: UntranslatedCode, language: string): string {
  switch (code) {
    case 'english':
      return `the model answered in English, not ${language}`;
    case 'wrong-language':
      return `the model answered in another language than ${language}`;
    case 'too-long':
      return 'the answer was far longer than the original';
    case 'cut-short':
      return 'the answer was cut short';
    case 'not-json':
    case 'no-field':
    case 'empty':
      return 'the answer was not the JSON asked for';
    case 'not-a-translation':
      return 'the answer was not a translation of the paper';
    case 'timeout':
      return 'the endpoint did not answer in time';
    case 'server':
      return 'the endpoint failed';
    case 'backed-off':
      return 'it was turned down the same way before; asked again later';
    case 'budget':
      return 'past the budget of papers for this run';
    case 'time-budget':
      return 'the time budget for this run ran out';
    case 'stopped':
      return 'enrichment stopped early this run';
    case 'cancelled':
      return 'enrichment was cancelled';
    default:
      // A code this version does not know, from a cache another version wrote.
      return 'the answer was turned down';
  }
}

/** What to try, for the reasons a person can do something about. */
const ADVICE: Partial<Record<UntranslatedCode, string>> = {
  english: 'try a larger model or a different targetLanguage',
  'wrong-language': 'try a larger model or a different targetLanguage',
  'too-long': 'try a larger model',
  'cut-short': 'try a model that thinks less before answering',
  'not-json': 'try a larger model, or one that can answer in JSON',
  'no-field': 'try a larger model, or one that can answer in JSON',
  empty: 'try a larger model, or one that can answer in JSON',
  'not-a-translation': 'the abstract may hold instructions the model followed; these papers stay in English',
  timeout: 'raise enrich.timeoutMs or pick a faster model',
};

/** Reasons already told by the run's stop line (budget, time, cancel), so not repeated. */
const TOLD_BY_STOP_LINE: ReadonlySet<UntranslatedCode> = new Set(['budget', 'time-budget', 'stopped', 'cancelled']);

/**
 * One line per reason, most papers first: "The model answered in English, not zh-CN, for 10
 * papers; try a larger model or a different targetLanguage." Endpoint failures keep the
 * endpoint's own sentence (the first one seen).
 */
export function reasonLines(untranslated: readonly Untranslated[], language: string): string[] {
  const groups = new Map<string, { code: UntranslatedCode; count: number; first: string }>();
  for (const item of untranslated) {
    if (TOLD_BY_STOP_LINE.has(item.code)) continue;
    // Unreadable answers read alike to a person, whatever exactly was wrong with them.
    const group = item.code === 'no-field' || item.code === 'empty' ? 'not-json' : item.code;
    const seen = groups.get(group);
    if (seen) seen.count += 1;
    else groups.set(group, { code: group, count: 1, first: item.reason });
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count)
    .map(({ code, count, first }) => {
      if (code === 'server') return `Not translated for ${papers(count)}: ${first}`;
      if (code === 'backed-off') return `${papers(count)} turned down the same way in earlier runs ${count === 1 ? 'is' : 'are'} asked again after a pause.`;
      const clause = shortReason(code, language);
      const advice = ADVICE[code];
      return `${clause[0]!.toUpperCase()}${clause.slice(1)}, for ${papers(count)}${advice ? `; ${advice}` : ''}.`;
    });
}
