// arXiv identifiers: read every form a person or a feed uses (bare ids, "arXiv:" prefixes,
// abs/pdf links, OAI guids) and reduce it to one normal form plus an optional version.

import { PaperFeedError } from '../errors';

export interface ArxivId {
  /** Without version: "2605.28828", "hep-th/9901001" (old-style subject classes dropped). */
  id: string;
  version?: number;
}

// New scheme (0704-): YYMM.NNNN up to 1412, YYMM.NNNNN from 1501 on.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$/;
// Old scheme (9107-0703): archive, optional ".SC" subject class, "/", YYMMNNN.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(?:\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?$/;
const URL_FORM = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;
const OAI_PREFIX = /^oai:arxiv\.org:/i;
const ARXIV_PREFIX = /^arxiv:/i;

/** Reads an identifier in any accepted form; throws a 'bad-id' PaperFeedError otherwise. */
export function parseArxivId(input: string): ArxivId {
  const parsed = tryParseArxivId(input);
  if (parsed) return parsed;
  const shown = input.trim().length > 60 ? `${input.trim().slice(0, 57)}...` : input.trim();
  throw new PaperFeedError('bad-id', `"${shown}" is not an arXiv identifier; use a form like 2401.01234, hep-th/9901001 or an arxiv.org/abs/ link.`);
}

/** Like parseArxivId, but returns null instead of throwing. */
export function tryParseArxivId(input: string): ArxivId | null {
  let text = input.trim();
  const url = URL_FORM.exec(text);
  if (url) text = url[1]!;
  else if (OAI_PREFIX.test(text)) text = text.replace(OAI_PREFIX, '');
  else if (ARXIV_PREFIX.test(text)) text = text.replace(ARXIV_PREFIX, '');
  return readNewStyle(text) ?? readOldStyle(text);
}

/**
 * True when `text` is a new-style id in normal form, without version ("2401.01234"): one that
 * tryParseArxivId gives back unchanged. Read digit by digit, for the readers that meet every
 * note's id at start-up (the Obsidian note index reads 50,000 in a big vault).
 */
export function isNormalNewStyleId(text: string): boolean {
  const length = text.length;
  if ((length !== 9 && length !== 10) || text.charCodeAt(4) !== DOT) return false;
  let yymm = 0;
  let number = 0;
  for (let i = 0; i < length; i += 1) {
    if (i === 4) continue;
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return false;
    if (i < 4) yymm = yymm * 10 + digit;
    else number += digit;
  }
  const month = yymm % 100;
  // As readNewStyle: 0704-1412 use four digits, the rest five; number 0 is no paper.
  const fourDigits = yymm >= 704 && yymm <= 1412;
  return month >= 1 && month <= 12 && length === (fourDigits ? 9 : 10) && number > 0;
}

const DOT = 0x2e;
const ZERO = 0x30;

/** "2401.01234" + 2 → "2401.01234v2"; without a version, the id alone. */
export function formatArxivId(id: string, version?: number): string {
  return version === undefined ? id : `${id}v${version}`;
}

function readNewStyle(text: string): ArxivId | null {
  const m = NEW_STYLE.exec(text);
  if (!m) return null;
  const [, yy, mm, number, version] = m;
  const yymm = Number(`${yy}${mm}`);
  const month = Number(mm);
  if (month < 1 || month > 12) return null;
  // 0704-1412 use four digits; 1501 onward (and the 2100s, YY 00-06) use five.
  const fourDigits = yymm >= 704 && yymm <= 1412;
  if (number!.length !== (fourDigits ? 4 : 5) || Number(number) === 0) return null;
  return withVersion(`${yy}${mm}.${number}`, version);
}

function readOldStyle(text: string): ArxivId | null {
  const m = OLD_STYLE.exec(text);
  if (!m) return null;
  const [, archive, yy, mm, number, version] = m;
  const month = Number(mm);
  if (month < 1 || month > 12 || Number(number) === 0) return null;
  return withVersion(`${archive}/${yy}${mm}${number}`, version);
}

function withVersion(id: string, version: string | undefined): ArxivId | null {
  if (version === undefined) return { id };
  const n = Number(version);
  return n >= 1 ? { id, version: n } : null;
}
