// "Paper Feed: Check Kept Papers for Updates" in the VS Code stand-in: the core's
// catch-up check over the notes in the vault folder, against the local arXiv stand-in serving
// recorded API entries. Exact note contents, request counts, the progress in requests, the one
// message when done, and when it last ran (kept in workspaceState).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, Range, Uri, workspace, WorkspaceEdit } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { parseApiFeed } from '../../core/arxiv/api';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import type { Paper } from '../../core/arxiv/paper';
import { createArxivClient } from '../../core/arxiv/polite';
import { refreshPaperNote } from '../../core/catch-up/refresh-note';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { renderPaperNote } from '../../core/notes/paper-note';
import { CHECK_STATE_KEY, SHOW_CHANGES } from '../../vscode-extension/src/notes/check-updates';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { entryAs, feedOf, recordedEntries, serveIdLookups } from '../catch-up/api-entries';
import { startExtension, type Started } from './support/extension-harness';

const NOW = '2026-05-29T06:00:00.000Z';
const recorded = recordedEntries();
const paperOf = (entry: string): Paper => parseApiFeed(feedOf([entry])).papers[0]!;
const published = paperOf(recorded.get('2206.06921')!);

/** The note a run wrote when v1 was announced, kept (rating), with the person's text under it. */
function keptV1(paper: Paper, citekey: string, mine = 'My reading: the bound in §3 is sharp.\n'): string {
  const { journalRef: _j, doi: _d, ...rest } = paper;
  const v1 = { ...rest, version: 1, updated: paper.published!, comment: '25 pages', pdfUrl: paper.pdfUrl.replace(/v\d+$/, 'v1') };
  return renderPaperNote(v1, { citekey, keywords: ['Analysis'], digests: [] }).replace('---\n', '---\nrating: 5\n') + mine;
}

const KEPT = 'Vault/arXiv/Papers/Isoperimetry.md';
const GONE = 'Vault/arXiv/Papers/Gone.md';
const OLD = 'Vault/arXiv/Papers/Old.md';
const PLAIN = 'Vault/Ideas.md';
const kept = keptV1(published, 'mine2022Key');
const gone = keptV1({ ...published, id: '0808.9999', absUrl: 'https://arxiv.org/abs/0808.9999' }, 'gone2008');
// Neither kept (no rating, nothing written in it) nor recent (2017): not worth a lookup.
const old = keptV1({ ...published, id: '1707.08567', absUrl: 'https://arxiv.org/abs/1707.08567' }, 'old2017', '').replace('rating: 5\n', '');
const plain = '# Ideas\n\nNothing about arxiv_id here.\n';

let server: ArxivStandIn;
let started: Started;
let clock: FakeClock;
const lookups = () => server.requests.filter((r) => r.path === '/api/query');
const messages = () => standIn.shown.messages.map((m) => m.message);

async function start(files: Record<string, string>): Promise<void> {
  clock = createFakeClock(Date.parse(NOW));
  started = await startExtension({
    files,
    settings: { 'paperFeed.vaultFolder': 'Vault', 'paperFeed.apiBase': server.url('/api/query') },
    services: { client: () => createArxivClient({ transport: fetchTransport(), clock }), now: () => new Date(clock.now()) },
  });
}

beforeEach(async () => {
  server = await startArxivServer();
});
afterEach(async () => {
  await started.stop();
  await server.close();
});

describe('Check Kept Papers for Updates', () => {
  it('brings a kept note from v1 to v3 as published, in one request, and says what it did and when it last ran', async () => {
    serveIdLookups(server, recorded);
    await start({ [KEPT]: kept, [GONE]: gone, [OLD]: old, [PLAIN]: plain });

    await commands.executeCommand('paperFeed.checkForUpdates');

    expect(lookups().map((r) => r.query.get('id_list'))).toEqual(['0808.9999,2206.06921']);
    const after = await started.read(KEPT);
    expect(after).toBe(refreshPaperNote(kept, published).text);
    expect(readFrontmatter(after)).toMatchObject({
      rating: 5,
      version: 3,
      journal_ref: 'Indiana Univ. Math. J. 73 (2024), 1331-1356',
      doi: '10.1512/iumj.2024.73.9928',
      citekey: 'mine2022Key',
    });
    expect(after).toContain('@article{mine2022Key,');
    expect(after.endsWith('## Notes\n\nMy reading: the bound in §3 is sharp.\n')).toBe(true);
    expect(await started.read(GONE)).toBe(gone);
    expect(await started.read(OLD)).toBe(old);
    expect(await started.read(PLAIN)).toBe(plain);

    const progress = standIn.shown.progress.at(-1)!;
    expect(progress.options).toMatchObject({ title: 'Paper Feed: checking your papers on arXiv for updates (last checked never)', cancellable: true });
    expect(progress.reports).toEqual([{ message: '1 of 1 request', increment: 100 }]);
    expect(messages()).toEqual([
      'Paper Feed checked 2 papers on arXiv (1 request): 1 published or updated, 1 not found on arXiv (0808.9999) and left as it is. Previous check: never.',
    ]);
    expect(started.context.workspaceState.get(CHECK_STATE_KEY)).toEqual({ lastRun: NOW, cursor: 0, newestChecked: '2206.06921' });

    // A day later nothing is new: one more request, nothing written, and the message says when it last ran.
    clock.advance(26 * 3600_000);
    await commands.executeCommand('paperFeed.checkForUpdates');
    expect(lookups()).toHaveLength(2);
    expect(await started.read(KEPT)).toBe(after);
    expect(standIn.shown.progress.at(-1)!.options.title).toBe('Paper Feed: checking your papers on arXiv for updates (last checked yesterday)');
    expect(messages().at(-1)).toBe(
      'Paper Feed checked 2 papers on arXiv (1 request): 0 published or updated, 1 not found on arXiv (0808.9999) and left as it is. Previous check: yesterday.',
    );
  });

  it('asks for 150 notes in 2 requests 3 s apart, reports "n of m requests", and lists the changes to open', async () => {
    const template = recorded.get('2206.06921')!;
    const ids = Array.from({ length: 150 }, (_, i) => `2605.${String(50000 + i)}`);
    serveIdLookups(server, new Map(ids.map((id) => [id, entryAs(template, id)])));
    const files = Object.fromEntries(
      ids.map((id, i) => [`Vault/Papers/${id}.md`, keptV1(paperOf(entryAs(template, id)), `key${i}`).replace('rating: 5\n', '')]),
    );
    await start(files);
    standIn.answerMessage(() => SHOW_CHANGES);
    standIn.answerQuickPick((shown) => shown.items[0]);

    await commands.executeCommand('paperFeed.checkForUpdates');

    expect(lookups().map((r) => r.query.get('id_list')!.split(',').length)).toEqual([100, 50]);
    expect(server.maxConcurrent).toBe(1);
    expect(clock.sleeps).toEqual([3000]);
    expect(standIn.shown.progress.at(-1)!.reports.map((r) => r.message)).toEqual(['1 of 2 requests', '2 of 2 requests']);
    for (const [path, text] of Object.entries(files)) {
      const id = path.slice('Vault/Papers/'.length, -3);
      expect(await started.read(path)).toBe(refreshPaperNote(text, paperOf(entryAs(template, id))).text);
    }
    expect(messages()).toEqual(['Paper Feed checked 150 papers on arXiv (2 requests): 150 published or updated. Previous check: never.']);
    const list = standIn.shown.quickPicks[0]!;
    expect(list.items).toHaveLength(150);
    expect(list.items[0]).toMatchObject({
      label: published.title,
      description: 'v1 → v3, published in Indiana Univ. Math. J. 73 (2024), 1331-1356 (doi:10.1512/iumj.2024.73.9928)',
      detail: 'Papers/2605.50000.md',
    });
    expect(standIn.shown.documents.at(-1)!.uri.fsPath).toBe(started.path('Vault/Papers/2605.50000.md'));
  });

  it('lists published and new versions before notes that only gained details', async () => {
    const template = recorded.get('2206.06921')!;
    const current = paperOf(template);
    // A note already at v3 and published, lacking only the date of the latest version: a minor change.
    const { updated: _u, ...undated } = current;
    const minor = renderPaperNote(undated, { citekey: 'minor2022', keywords: [], digests: [] }).replace('---\n', '---\nrating: 5\n');
    serveIdLookups(
      server,
      new Map([
        ['2206.06921', template],
        ['2605.60000', entryAs(template, '2605.60000')],
      ]),
    );
    await start({ 'Vault/A.md': minor, 'Vault/B.md': keptV1(paperOf(entryAs(template, '2605.60000')), 'b2026') });
    standIn.answerMessage(() => SHOW_CHANGES);

    await commands.executeCommand('paperFeed.checkForUpdates');

    expect(standIn.shown.quickPicks[0]!.items.map((i) => [(i as { detail: string }).detail, (i as { description: string }).description])).toEqual([
      ['B.md', 'v1 → v3, published in Indiana Univ. Math. J. 73 (2024), 1331-1356 (doi:10.1512/iumj.2024.73.9928)'],
      ['A.md', 'new date of the latest version'],
    ]);
  });

  it('changes a note open with unsaved text through the editor, keeping that text unsaved', async () => {
    serveIdLookups(server, recorded);
    await start({ [KEPT]: kept });
    const document = await workspace.openTextDocument(Uri.file(started.path(KEPT)));
    const typed = `${kept}Typed but not saved.\n`;
    const edit = new WorkspaceEdit();
    edit.replace(document.uri, new Range(document.positionAt(0), document.positionAt(kept.length)), typed);
    await workspace.applyEdit(edit);
    expect(document.isDirty).toBe(true);

    await commands.executeCommand('paperFeed.checkForUpdates');

    expect(document.getText()).toBe(refreshPaperNote(typed, published).text);
    expect(document.isDirty).toBe(true);
    expect(await started.read(KEPT)).toBe(kept);
  });

  it('can be cancelled while looking up: no note changes, it says so in one sentence, and the time is not kept', async () => {
    server.handle('/api/query', () => ({ delayMs: 5000, body: feedOf([]) }));
    await start({ [KEPT]: kept });

    const running = commands.executeCommand('paperFeed.checkForUpdates');
    while (lookups().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    standIn.shown.progress.at(-1)!.cancel();
    await running;

    expect(messages()).toEqual([
      'Paper Feed: Stopped looking your papers up on arXiv because the check was cancelled; no note was changed, so run the check again to finish.',
    ]);
    expect(await started.read(KEPT)).toBe(kept);
    expect(started.context.workspaceState.get(CHECK_STATE_KEY)).toBeUndefined();
  });

  it('says what went wrong in one line when arXiv refuses the lookup, and keeps no time', async () => {
    server.handle('/api/query', () => ({
      status: 400,
      body: feedOf([]).replace(
        '</feed>',
        '<entry><id>http://arxiv.org/api/errors#incorrect_id_format</id><title>Error</title><summary>incorrect id format</summary></entry></feed>',
      ),
    }));
    await start({ [KEPT]: kept });

    await commands.executeCommand('paperFeed.checkForUpdates');

    expect(standIn.shown.messages.map((m) => [m.level, m.message])).toEqual([
      ['error', 'arXiv rejected the search (incorrect id format); check the search terms and identifiers you gave.'],
    ]);
    expect(await started.read(KEPT)).toBe(kept);
    expect(started.context.workspaceState.get(CHECK_STATE_KEY)).toBeUndefined();
  });
});
