// Checks a config (CLI file, Obsidian settings, VS Code settings) and fills what it leaves out
// from DEFAULT_CONFIG. A wrong value stops with one line naming the key and what is wrong.

import type { AnnounceType } from './arxiv/paper';
import { CITATION_FORMATS, DEFAULT_CONFIG, type Field, type KeywordGroup, type LibrarySettings, type PaperFeedConfig, type Rule } from './config';
import { PaperFeedError } from './errors';
import { isRecord } from './record';
import { parseKeepKey } from './notes/keep-keys';
import { folderProblem, normalizeFolder, quoted } from './notes/sanitize';
import { isCategoryName } from './arxiv/categories';
import { regexParts, ruleRegex } from './select/rules';

/** The top-level keys a config may have; hosts with more settings pass only these. */
export const CONFIG_KEYS = [
  'categories',
  'groups',
  'announceTypes',
  'trackUpdates',
  'folders',
  'paperNoteName',
  'citationFormat',
  'topPicks',
  'orderGroupsByRelevance',
  'library',
] as const;

const FIELDS: readonly Field[] = ['title', 'abstract', 'authors', 'comment'];
const ANNOUNCE_TYPES: readonly AnnounceType[] = ['new', 'cross', 'replace', 'replace-cross'];
const NOTE_NAMES = ['title', 'id', 'id-title'] as const;
const LIBRARY_SOURCES = ['off', 'zotero', 'file'] as const;

type Fail = (key: string, problem: string) => never;

/** A complete, checked config; `source` (e.g. "paper-feed.json") is named in error messages. */
export function validateConfig(input: unknown, source?: string): PaperFeedConfig {
  const fail: Fail = (key, problem) => {
    throw new PaperFeedError('bad-config', `${key}: ${problem}${source ? ` Fix it in ${source}.` : ''}`, { key });
  };
  if (input === undefined || input === null) return cloneDefaults();
  if (!isRecord(input)) fail('config', 'must be a JSON object with keys such as "categories" and "groups".');
  checkKeys(input, CONFIG_KEYS, 'config', fail);
  const config = cloneDefaults();
  if (input.categories !== undefined) config.categories = categoryList(input.categories, 'categories', fail, false);
  if (input.groups !== undefined) config.groups = groupList(input.groups, fail);
  if (input.announceTypes !== undefined) config.announceTypes = announceTypes(input.announceTypes, fail);
  if (input.trackUpdates !== undefined) {
    if (typeof input.trackUpdates !== 'boolean') fail('trackUpdates', 'must be true or false.');
    config.trackUpdates = input.trackUpdates;
  }
  if (input.folders !== undefined) config.folders = folders(input.folders, fail);
  if (input.paperNoteName !== undefined) config.paperNoteName = oneOf(input.paperNoteName, NOTE_NAMES, 'paperNoteName', fail);
  if (input.citationFormat !== undefined) config.citationFormat = oneOf(input.citationFormat, CITATION_FORMATS, 'citationFormat', fail);
  if (input.topPicks !== undefined) {
    const n = input.topPicks;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_TOP_PICKS)
      fail('topPicks', `${show(n)} is not a whole number from 0 (off) to ${MAX_TOP_PICKS}.`);
    config.topPicks = n;
  }
  if (input.orderGroupsByRelevance !== undefined) {
    if (typeof input.orderGroupsByRelevance !== 'boolean') fail('orderGroupsByRelevance', 'must be true or false.');
    config.orderGroupsByRelevance = input.orderGroupsByRelevance;
  }
  if (input.library !== undefined) config.library = library(input.library, fail);
  return config;
}

const MAX_TOP_PICKS = 100;

function library(value: unknown, fail: Fail): LibrarySettings {
  if (!isRecord(value)) fail('library', 'must be an object like {"keepKeys": ["rating"], "file": "Zotero.bib"}.');
  const given = value;
  checkKeys(given, ['keepKeys', 'file', 'halfLifeDays', 'source', 'zoteroPort'], 'library', fail);
  const result: LibrarySettings = { keepKeys: [...DEFAULT_CONFIG.library.keepKeys] };
  if (given.keepKeys !== undefined) {
    if (!Array.isArray(given.keepKeys)) fail('library.keepKeys', 'must be a list such as ["rating", "status: read", "tag: paper/keep"].');
    result.keepKeys = (given.keepKeys as unknown[]).map((item, i) => {
      const at = `library.keepKeys[${i}]`;
      if (typeof item !== 'string') fail(at, `${show(item)} is not text; write "rating", "status: read" or "tag: paper/keep".`);
      const rule = parseKeepKey(item);
      if ('problem' in rule) fail(at, `${show(item)} ${rule.problem}`);
      return item.trim();
    });
  }
  if (given.file !== undefined && given.file !== '') {
    if (typeof given.file !== 'string') fail('library.file', 'must be the path of a .bib or CSL-JSON file inside the vault, such as "Zotero/My Library.bib".');
    const file = given.file.trim().replace(/\\/g, '/');
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const problem =
      file.startsWith('/') || /^[A-Za-z]:/.test(file) ? 'is not inside the vault; give a path relative to the vault folder' : folder && folderProblem(folder);
    if (problem) fail('library.file', `${show(given.file)} ${problem}.`);
    if (!/\.(bib|json)$/i.test(file))
      fail('library.file', `${show(given.file)} is not a .bib or .json file; export your library from Zotero as BibTeX or CSL JSON and name that file.`);
    result.file = file.replace(/^\.\//, '');
  }
  if (given.halfLifeDays !== undefined) {
    const days = given.halfLifeDays;
    if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0 || days > 36_500)
      fail('library.halfLifeDays', `${show(days)} is not a number of days above 0, such as 180.`);
    result.halfLifeDays = days;
  }
  if (given.source !== undefined) {
    result.source = oneOf(given.source, LIBRARY_SOURCES, 'library.source', fail);
    if (result.source === 'file' && !result.file)
      fail('library.source', '"file" needs library.file, the .bib or CSL-JSON export to read; name it, or choose "zotero" or "off".');
  }
  if (given.zoteroPort !== undefined) {
    const port = given.zoteroPort;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535)
      fail('library.zoteroPort', `${show(port)} is not a port number; Zotero listens on 23119 (Juris-M on 24119).`);
    result.zoteroPort = port;
  }
  return result;
}

function categoryList(value: unknown, key: string, fail: Fail, emptyOk: boolean): string[] {
  if (!Array.isArray(value)) fail(key, 'must be a list of arXiv categories such as ["cs.LG", "stat.ML"].');
  const list = value as unknown[];
  if (list.length === 0 && !emptyOk) fail(key, 'is empty; list at least one arXiv category such as "cs.LG".');
  return list.map((item, i) => {
    const text = typeof item === 'string' ? item.trim() : item;
    if (typeof text !== 'string' || !isCategoryName(text)) {
      fail(`${key}[${i}]`, `${show(item)} is not an arXiv category; write an archive ("cs", "math-ph") or archive.CLASS ("cs.LG", "q-bio.NC").`);
    }
    return text;
  });
}

function groupList(value: unknown, fail: Fail): KeywordGroup[] {
  if (!Array.isArray(value)) fail('groups', 'must be a list of groups like {"name": "Diffusion", "include": ["diffusion model"]}.');
  const names = new Map<string, number>();
  return (value as unknown[]).map((raw, g) => {
    const at = `groups[${g}]`;
    if (!isRecord(raw)) fail(at, 'must be an object with a "name" and "include" rules.');
    const group = raw;
    checkKeys(group, ['name', 'include', 'exclude', 'categories', 'authors'], at, fail);
    if (typeof group.name !== 'string' || group.name.trim() === '') fail(`${at}.name`, 'must be a non-empty name.');
    const name = group.name.trim();
    const twin = names.get(name.toLowerCase());
    if (twin !== undefined) fail(`${at}.name`, `"${name}" is also the name of groups[${twin}]; give each group its own name.`);
    names.set(name.toLowerCase(), g);
    const result: KeywordGroup = { name, include: ruleList(group.include, `${at}.include`, fail) };
    if (group.exclude !== undefined) result.exclude = ruleList(group.exclude, `${at}.exclude`, fail);
    if (group.categories !== undefined) result.categories = categoryList(group.categories, `${at}.categories`, fail, true);
    if (group.authors !== undefined) result.authors = authorList(group.authors, `${at}.authors`, fail);
    if (result.include.length === 0 && !result.authors?.length && !result.categories?.length) {
      fail(at, `group "${name}" has no include rules, authors or categories, so it can never match; add one of them.`);
    }
    return result;
  });
}

function ruleList(value: unknown, key: string, fail: Fail): Array<string | Rule> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(key, 'must be a list of phrases ("diffusion model") or regular expressions ("/pattern/i").');
  return (value as unknown[]).map((item, i) => {
    const at = `${key}[${i}]`;
    if (typeof item === 'string') return checkMatch(item, at, fail);
    if (!isRecord(item)) fail(at, 'must be a phrase, "/regex/flags", or {"match": "...", "in": ["title"]}.');
    const rule = item;
    checkKeys(rule, ['match', 'in'], at, fail);
    if (typeof rule.match !== 'string') fail(`${at}.match`, 'must be a phrase or "/regex/flags".');
    const result: Rule = { match: checkMatch(rule.match, `${at}.match`, fail) };
    if (rule.in !== undefined) {
      if (!Array.isArray(rule.in) || rule.in.length === 0)
        fail(`${at}.in`, `must be a non-empty list of fields from ${FIELDS.map((f) => `"${f}"`).join(', ')}.`);
      result.in = (rule.in as unknown[]).map((field, k) =>
        FIELDS.includes(field as Field)
          ? (field as Field)
          : fail(`${at}.in[${k}]`, `${show(field)} is not a field; use "title", "abstract", "authors" or "comment".`),
      );
    }
    return result;
  });
}

function checkMatch(match: string, at: string, fail: Fail): string {
  if (match.trim() === '') fail(at, 'is empty; write a phrase or "/regex/flags".');
  if (!regexParts(match) && !/[\p{L}\p{N}]/u.test(match)) fail(at, `${show(match)} has no letters or digits to look for.`);
  try {
    ruleRegex(match, at);
  } catch (e) {
    if (e instanceof PaperFeedError) fail(at, e.message.slice(at.length + 2));
    throw e;
  }
  return match;
}

function authorList(value: unknown, key: string, fail: Fail): string[] {
  if (!Array.isArray(value)) fail(key, 'must be a list of author names such as ["Yann LeCun"].');
  return (value as unknown[]).map((item, i) => {
    if (typeof item !== 'string' || !/[\p{L}]/u.test(item)) fail(`${key}[${i}]`, `${show(item)} is not an author name.`);
    return item.trim();
  });
}

function announceTypes(value: unknown, fail: Fail): AnnounceType[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail('announceTypes', `must be a non-empty list from ${ANNOUNCE_TYPES.map((t) => `"${t}"`).join(', ')}.`);
  }
  return (value as unknown[]).map((item, i) =>
    ANNOUNCE_TYPES.includes(item as AnnounceType)
      ? (item as AnnounceType)
      : fail(`announceTypes[${i}]`, `${show(item)} is not an announce type; use "new", "cross", "replace" or "replace-cross".`),
  );
}

function folders(value: unknown, fail: Fail): PaperFeedConfig['folders'] {
  if (!isRecord(value)) fail('folders', 'must be an object like {"daily": "arXiv/Daily", "papers": "arXiv/Papers"}.');
  const given = value;
  checkKeys(given, ['daily', 'papers'], 'folders', fail);
  const result = { ...DEFAULT_CONFIG.folders };
  for (const key of ['daily', 'papers'] as const) {
    const folder = given[key];
    if (folder === undefined) continue;
    if (typeof folder !== 'string') fail(`folders.${key}`, 'must be a folder path inside the vault, such as "arXiv/Daily".');
    const problem = folderProblem(folder);
    if (problem) fail(`folders.${key}`, `${show(folder)} ${problem}.`);
    result[key] = normalizeFolder(folder);
  }
  return result;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], key: string, fail: Fail): T {
  if (allowed.includes(value as T)) return value as T;
  return fail(key, `${show(value)} is not one of ${allowed.map((a) => `"${a}"`).join(', ')}.`);
}

function checkKeys(object: Record<string, unknown>, allowed: readonly string[], at: string, fail: Fail): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const near = allowed.find((a) => editDistance(a.toLowerCase(), key.toLowerCase()) <= 2);
    const hint = near ? `did you mean "${near}"?` : `known keys are ${allowed.join(', ')}.`;
    fail(at, `${show(key)} is not a setting; ${hint}`);
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function cloneDefaults(): PaperFeedConfig {
  return JSON.parse(JSON.stringify(DEFAULT_CONFIG)) as PaperFeedConfig;
}

function show(value: unknown): string {
  // JSON.stringify gives undefined for undefined, functions and symbols, though its type says string.
  const text = typeof value === 'string' ? quoted(value) : ((JSON.stringify(value) as string | undefined) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
