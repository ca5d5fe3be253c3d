// The network and feed faults as one table both hosts are tested against: what the arXiv stand-in
// answers, how many requests a client allowed two attempts should make (retries on 429, 5xx and
// the network only), and the one line each host must show. `TIME` stands for a clock time.

import type { ScriptedResponse } from './arxiv-server';
import { API_ERROR_ENTRY, GOOD_FEED, HTML_ERROR_PAGE, rssErrorFeed, rssFeed, sampleItems, truncated } from './fault-feeds';

/** Attempts per request the hosts are configured with in these tests. */
export const FAULT_ATTEMPTS = 2;

/** A clock time in a message ("20:41"). */
export const TIME = '(\\d{2}:\\d{2})';

export interface FaultCase {
  /** Path-safe name; the stand-in serves the fault under /f/<slug>/. */
  slug: string;
  /** What a person would call it. */
  label: string;
  replies: ScriptedResponse[];
  /** Requests expected at the stand-in: FAULT_ATTEMPTS when the fault is retried, else 1. */
  requests: number;
  /** The CLI's whole stderr line (a pattern; TIME marks a clock time); exit code 1. */
  cli: string;
  /** The Obsidian notice (a pattern). */
  obsidian: string;
}

const OFFLINE = ', or run with --sample to try Paper Feed offline.';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function trouble(status: number): FaultCase {
  const core = `arXiv is having trouble (HTTP ${status}) and did not recover after ${FAULT_ATTEMPTS} tries; try again in a few minutes`;
  return {
    slug: `http-${status}`,
    label: `HTTP ${status}`,
    replies: [{ status, headers: { 'content-type': 'text/html' }, body: `<html><body>${status} error</body></html>` }],
    requests: FAULT_ATTEMPTS,
    cli: escape(core + OFFLINE),
    obsidian: escape(`${core}.`),
  };
}

const RATE_LIMITED_CLI = `arXiv is rate-limiting requests \\(HTTP 429\\); wait until ${TIME} and try again${escape(OFFLINE)}`;
const RATE_LIMITED_OBSIDIAN = `arXiv is rate-limiting requests; Paper Feed will try again at ${TIME}\\.`;
const IMPOSSIBLE_DATE =
  'arXiv\'s feed gives "Mon, 31 Jun 2026 00:00:00 -0400" as its announcement date, which is not a real date (Jun 2026 has 30 days); nothing was written.';
const BROKEN_OFF =
  'The connection to arXiv broke off before its answer was complete \\((UND_ERR_SOCKET|ECONNRESET)\\). Check your internet connection and try again';

export const FAULT_CASES: readonly FaultCase[] = [
  {
    slug: 'http-429',
    label: 'HTTP 429 with Retry-After: 1',
    replies: [{ status: 429, headers: { 'retry-after': '1', 'content-type': 'text/plain' }, body: 'Too many requests' }],
    requests: FAULT_ATTEMPTS,
    cli: RATE_LIMITED_CLI,
    obsidian: RATE_LIMITED_OBSIDIAN,
  },
  {
    slug: 'http-429-hour',
    label: 'HTTP 429 with Retry-After: 3600 (longer than Paper Feed waits)',
    replies: [{ status: 429, headers: { 'retry-after': '3600', 'content-type': 'text/plain' }, body: 'Too many requests' }],
    requests: 1,
    cli: RATE_LIMITED_CLI,
    obsidian: RATE_LIMITED_OBSIDIAN,
  },
  {
    slug: 'rate-exceeded',
    label: '"Rate exceeded." as plain text with status 200',
    replies: [{ headers: { 'content-type': 'text/plain' }, body: 'Rate exceeded.' }],
    requests: FAULT_ATTEMPTS,
    cli: RATE_LIMITED_CLI,
    obsidian: RATE_LIMITED_OBSIDIAN,
  },
  trouble(500),
  trouble(502),
  trouble(503),
  trouble(504),
  {
    slug: 'reset',
    label: 'connection reset before any answer',
    replies: [{ reset: true }],
    requests: FAULT_ATTEMPTS,
    cli: BROKEN_OFF + escape(OFFLINE),
    // The obsidian stand-in's requestUrl names socket errors it has no Chromium name for
    // net::ERR_FAILED (the app would say net::ERR_EMPTY_RESPONSE, read as broken off).
    obsidian: `(${BROKEN_OFF}|arXiv could not be reached \\(net::ERR_FAILED\\)\\. Check your internet connection and try again)\\.`,
  },
  {
    slug: 'cut-mid-body',
    label: 'connection closed in the middle of the feed',
    replies: [{ body: GOOD_FEED, cutAfterBytes: 4096 }],
    requests: FAULT_ATTEMPTS,
    cli: BROKEN_OFF + escape(OFFLINE),
    obsidian: `${BROKEN_OFF}\\.`,
  },
  {
    slug: 'truncated-xml',
    label: 'truncated XML (complete HTTP answer, cut-off document)',
    replies: [{ body: truncated(GOOD_FEED) }],
    requests: 1,
    cli: escape(`arXiv sent broken or cut-off XML instead of an RSS feed; try again later, and report it if it keeps happening${OFFLINE}`),
    obsidian: escape('arXiv sent broken or cut-off XML instead of an RSS feed; try again later, and report it if it keeps happening.'),
  },
  {
    slug: 'html-200',
    label: 'HTML maintenance page with status 200',
    replies: [{ headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML_ERROR_PAGE }],
    requests: 1,
    cli: escape(`arXiv sent a web page instead of an RSS feed; try again later, and report it if it keeps happening${OFFLINE}`),
    obsidian: escape('arXiv sent a web page instead of an RSS feed; try again later, and report it if it keeps happening.'),
  },
  {
    slug: 'rss-error-feed',
    label: "arXiv's RSS error feed (HTTP 400, bad category)",
    replies: [{ status: 400, body: rssErrorFeed('cs.LG+cs.XYZ') }],
    requests: 1,
    cli: escape("arXiv rejected the category list: Bad category 'cs.XYZ'. Valid categories start with an archive name. Check the categories in your settings."),
    obsidian: escape(
      "arXiv rejected the category list: Bad category 'cs.XYZ'. Valid categories start with an archive name. Check the categories in your settings.",
    ),
  },
  {
    slug: 'api-error-entry',
    label: 'API error entry (HTTP 400) where the feed should be',
    replies: [{ status: 400, body: API_ERROR_ENTRY }],
    requests: 1,
    cli: escape('arXiv rejected the request (HTTP 400); check the categories and search terms in your settings.'),
    obsidian: escape('arXiv rejected the request (HTTP 400); check the categories and search terms in your settings.'),
  },
  {
    slug: 'impossible-date',
    label: 'a feed dated "Mon, 31 Jun 2026" (no such day)',
    replies: [{ body: rssFeed(sampleItems('Mon, 31 Jun 2026 00:00:00 -0400'), 'Mon, 31 Jun 2026 00:00:00 -0400') }],
    requests: 1,
    cli: escape(`${IMPOSSIBLE_DATE} Try again later, and report it if it keeps happening${OFFLINE}`),
    obsidian: escape(`${IMPOSSIBLE_DATE} Try again later, and report it if it keeps happening.`),
  },
];

/** A hung server: only hosts whose timeout a test can shorten are run against it. */
export const HANG_CASE = {
  slug: 'hang',
  label: 'no answer at all (hangs past the timeout)',
  replies: [{ hang: true }] as ScriptedResponse[],
  requests: FAULT_ATTEMPTS,
  /** The message for a timeout of `seconds`, as a pattern: how long the tries took is measured. */
  message: (seconds: string) =>
    `arXiv did not answer in ${FAULT_ATTEMPTS} tries over \\d+ s \\(each given ${seconds.replace('.', '\\.')} s\\)\\. Try again later\\.`,
};
