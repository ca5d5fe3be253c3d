// The text of `paper-feed help`, and the exit codes it promises (main.ts uses the same table).

import type { ErrorKind } from '../../errors';

/** Exit codes, one per kind of outcome a script may want to branch on. */
export const EXIT = {
  /** Done, including "no announcement tonight" (nothing to write is not a failure). */
  ok: 0,
  /** arXiv or the network failed: unreachable, timeout, rate limit, 5xx, rejected or unreadable feed. */
  arxiv: 1,
  /** The command line or the config is wrong. */
  usage: 2,
  /** The vault could not be read or written, or another run holds it. */
  vault: 3,
  /** Paper Feed itself failed; a bug to report. */
  internal: 4,
  /** Zotero could not be reached or refused. */
  zotero: 5,
  /** Stopped by Ctrl-C (128 + SIGINT). */
  cancelled: 130,
} as const;

export function exitCodeFor(kind: ErrorKind): number {
  switch (kind) {
    case 'bad-config':
    case 'bad-id':
      return EXIT.usage;
    case 'vault':
    case 'busy':
      return EXIT.vault;
    case 'cancelled':
      return EXIT.cancelled;
    case 'no-announcement':
      return EXIT.ok;
    case 'zotero':
      return EXIT.zotero;
    default:
      return EXIT.arxiv;
  }
}

export function helpText(version: string): string {
  return `paper-feed ${version}: arXiv's daily announcement as notes in a Markdown (Obsidian) vault.

Usage:
  paper-feed daily [options]                         write the latest announcement
  paper-feed update [--api-base URL]                 look kept and recent paper notes up on arXiv again:
                                                     new versions, journal references, DOIs, withdrawals
  paper-feed range --from YYYY-MM-DD --to YYYY-MM-DD [options]
                                                     one daily note per listing date, from the API
  paper-feed zotero add ID [--sample] [--api-base URL]
                                                     save an arXiv paper to the running Zotero
                                                     (once: a paper Zotero has is not saved again)
  paper-feed doctor [--vault DIR]                    list papers and digests that several notes claim
  paper-feed init github-actions [--vault DIR] [--force]
                                                     a GitHub Actions workflow that writes the digest
                                                     into the vault's git repository after each announcement
  paper-feed help | --version

Options:
  --vault DIR        the vault folder (default ./vault; created when missing;
                     for init, the current folder, inside the repository)
  --config FILE      a JSON config: categories, groups, folders, formats
                     (default ./paper-feed.config.json when it exists, else built-in defaults)
  --keyword PHRASE   follow this phrase instead of the config's groups (repeatable: a group each)
  --category CAT     read these categories instead of the config's, e.g. cs.LG or cs (repeatable)
  --rss-base URL     daily: feed address (default https://rss.arxiv.org/rss, or PAPER_FEED_RSS_BASE)
  --api-base URL     range, zotero, update, daily --check-updates: API address
                     (default https://export.arxiv.org/api/query, or PAPER_FEED_API_BASE)
  --sample           daily, zotero: use the announcement that ships with Paper Feed (no network)
  --check-all        look at every note in the vault now, not only those changed lately
                     (a run does this once a week by itself; use it after editing old notes)
  --check-updates    daily: first look kept and recent paper notes up on arXiv again (as update does);
                     the digest lists what changed under "Published and updated"
  --force            init: replace a workflow that differs from the one this version writes
  --json             print the result as JSON
  --quiet            no progress output

Exit codes:
  0  done (also when arXiv announced nothing tonight)
  1  arXiv could not be reached or answered with an error
  2  wrong command line or config
  3  the vault could not be written, or another Paper Feed run is using it
  4  Paper Feed failed unexpectedly (please report it)
  5  Zotero could not be reached, or refused
  130  cancelled with Ctrl-C

Environment:
  PAPER_FEED_DEBUG=1          print a stack trace after an error message
  PAPER_FEED_MAX_ATTEMPTS=N   tries per arXiv request before giving up (default 4)
  PAPER_FEED_TIMEOUT_MS=N     how long to wait for each arXiv answer (default 30000)
  PAPER_FEED_RSS_BASE=URL     daily: read the feed from this address when --rss-base is not given
  PAPER_FEED_API_BASE=URL     update, range, zotero add, daily --check-updates: the API address when --api-base is not given

Translation and TL;DRs (optional, off by default): an "enrich" section in the config, e.g.
  "enrich": { "enabled": true, "baseUrl": "http://localhost:11434/v1", "model": "qwen2.5:7b",
              "targetLanguage": "zh-CN", "apiKeyEnv": "OPENAI_API_KEY" }
  The notes are written first; translations fill them in afterwards. Every setting, with its default:
    enabled        false                      turn translation and TL;DRs on
    baseUrl        http://localhost:11434/v1  any OpenAI-compatible endpoint (ends in /v1)
    model          (none; needed when on)     the model the endpoint serves
    targetLanguage zh-CN                      BCP 47 tag of the translations
    produce        { "title": true, "abstract": true, "tldr": false }
    tldrLanguage   target                     "target" or "en"
    budget         50                         papers one run may send (cached ones are free)
    concurrency    2                          requests in flight at once (1 to 16)
    timeoutMs      120000                     how long one answer may take (2 min)
    timeBudgetMs   600000                     how long a run may go on translating after the notes
                                              are written (10 min); the rest waits for the next run
    overview       false                      a short overview of the day atop the daily note,
                                              machine-written, linking the papers it names
    overviewWords  120                        about how many words it runs to (30 to 400)
    overviewLanguage target                   "target" or "en"
    apiKeyEnv      (none)                     the environment variable holding the API key
  The key is never read from the file. Results are cached in <vault>/.paper-feed/enrich-cache.json,
  with papers the model turned down (asked again after a pause that grows) and options it refused.

Top picks (on by default): the daily note opens with the papers closest to your library, each
  with its score and reason, and ranked paper notes get a "score". The library is the paper notes
  you wrote in outside the generated part, or marked with a keep key: "rating" (has a value),
  "status: read" (has that value) or "tag: paper/keep" (has that tag), plus an optional .bib or
  CSL-JSON file. In the config:
  "topPicks": 10, "orderGroupsByRelevance": false,
  "library": { "keepKeys": ["rating", "status: read", "tag: paper/keep"], "file": "Zotero/library.bib" }
  With fewer than 5 library papers the daily note says so. Cached in <vault>/.paper-feed/library.json.
  "library": { "source": "zotero" } reads the library from the running Zotero 7+ instead of a file
  (turn on Settings → Advanced → "Allow other applications on this computer to communicate with
  Zotero"); only changes are read each run, kept in <vault>/.paper-feed/zotero-library.json. New
  paper notes take the citation key Zotero (Better BibTeX) has for the paper.
`;
}
