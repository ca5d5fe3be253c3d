// The GitHub Actions workflow `paper-feed init github-actions` writes into a vault kept in git:
// after each arXiv announcement it runs the pinned CLI with npx and commits only the notes that
// run created or changed, plus Paper Feed's translation cache, so nothing else of the vault is
// ever committed by it.
//
// arXiv announces at 20:00 New York time, Sunday to Thursday. GitHub's cron is UTC and knows no
// daylight saving, so the workflow runs at both 00:30 and 01:30 UTC: one of them is 20:30 New
// York time, the other is either before the announcement (the feed still holds the previous one,
// already written) or after it (already written by the first run). Either way the second run
// writes nothing and commits nothing.

export const WORKFLOW_PATH = '.github/workflows/paper-feed.yml';
/** The repository secret the translation key is read from; the config's enrich.apiKeyEnv names it. */
export const API_KEY_SECRET = 'PAPER_FEED_API_KEY';

export interface WorkflowOptions {
  /** The CLI version the workflow runs (npx paper-feed@VERSION), so a run never changes under you. */
  version: string;
  /** The vault folder relative to the repository root, with "/" separators; "." when it is the root. */
  vault: string;
}

/** Quotes a value for bash, inside a YAML block scalar (which needs no escaping of its own). */
function shellQuoted(value: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function inVault(vault: string, path: string): string {
  return vault === '.' ? path : `${vault}/${path}`;
}

export function githubWorkflow(options: WorkflowOptions): string {
  const vault = shellQuoted(options.vault);
  const notes = shellQuoted(inVault(options.vault, '*.md'));
  const cache = shellQuoted(inVault(options.vault, '.paper-feed/enrich-cache.json'));
  return `# Written by paper-feed ${options.version} (paper-feed init github-actions).
# After each arXiv announcement (20:00 New York time, Sunday to Thursday) it writes the digest and
# the paper notes into this repository and commits only those and Paper Feed's translation cache.
# GitHub's cron is UTC without daylight saving: one of the two times is 20:30 in New York, and the
# other run finds nothing new and commits nothing. Update by running the init command again with a
# newer paper-feed and --force.
name: Paper Feed

on:
  schedule:
    - cron: '30 0 * * 1-5'
    - cron: '30 1 * * 1-5'
  workflow_dispatch:

permissions:
  contents: write

concurrency:
  group: paper-feed
  cancel-in-progress: false

defaults:
  run:
    shell: bash

jobs:
  digest:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-node@v4
        with:
          node-version: 20

      - name: Write the latest announcement
        env:
          # Only needed for translation: add it under Settings → Secrets and variables → Actions,
          # and name it in paper-feed.config.json ("enrich": { "apiKeyEnv": "${API_KEY_SECRET}" }).
          ${API_KEY_SECRET}: \${{ secrets.${API_KEY_SECRET} }}
        run: |
          npx --yes paper-feed@${options.version} daily --vault ${vault} | tee "$RUNNER_TEMP/paper-feed.txt"

      - name: Commit new and updated notes
        run: |
          git ls-files -z --modified --others --exclude-standard -- ${notes} ${cache} | xargs -0 -r git add --
          if git diff --cached --quiet; then
            echo "No new or updated notes to commit."
            exit 0
          fi
          git -c user.name="Paper Feed" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \\
            commit --quiet -m "Paper Feed: $(head -n 1 "$RUNNER_TEMP/paper-feed.txt")"
          # Notes pushed from a phone meanwhile come first; ours go on top of them.
          git push --quiet || { git pull --rebase --quiet && git push --quiet; }
`;
}
