// "Paper Feed: Update arXiv Entries in the Bibliography…" in the VS Code stand-in:
// the lookup goes to the local arXiv stand-in serving recorded API entries; the change is shown
// as a diff and written only after the person's OK; keys never change; the person's own entries
// only when included.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, Uri, window } from 'vscode';
import { standIn } from '../stand-ins/vscode';
import { contentProviders } from '../stand-ins/vscode/workspace';
import { parseApiFeed } from '../../core/arxiv/api';
import { bibtexEntry } from '../../core/cite/bibtex-writer';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { feedOf, recordedEntries, serveIdLookups } from '../catch-up/api-entries';
import { startExtension, type Started } from './support/extension-harness';

const recorded = recordedEntries();
const published = parseApiFeed(feedOf([recorded.get('2206.06921')!])).papers[0]!;
const { journalRef: _j, doi: _d, ...preprint } = { ...published, version: 1 };
const OURS = bibtexEntry(preprint, 'fraser2022attainable');
const THEIRS = '@article{hand2016,\n  author = {Somebody Else},\n  title = {My own {way}},\n  eprint = {1605.08386},\n  year = 2016\n}';
const GONE = '@misc{gone2008,\n  title = {Gone},\n  eprint = {0808.9999}\n}';
const BIB = `% refs\n${OURS}\n\n${THEIRS}\n\n${GONE}\n`;

let server: ArxivStandIn;
let started: Started;
beforeEach(async () => {
  server = await startArxivServer();
  serveIdLookups(server, recorded);
  started = await startExtension({
    files: { 'refs.bib': BIB },
    settings: { 'paperFeed.bibliography': 'refs.bib', 'paperFeed.apiBase': server.url('/api/query') },
  });
});
afterEach(async () => {
  await started.stop();
  await server.close();
});

const messages = () => standIn.shown.messages.map((m) => m.message);

describe('updating arXiv entries in refs.bib', () => {
  it('looks the entries up in one request, shows the diff, and writes Paper Feed’s entry as published after the OK, keeping the key', async () => {
    standIn.answerMessage(() => "Only Paper Feed's");
    standIn.answerMessage((shown) => {
      expect(shown.modal).toBe(true);
      return 'Update';
    });
    await commands.executeCommand('paperFeed.updateBibEntries');

    expect(server.requests.map((r) => r.query.get('id_list'))).toEqual(['2206.06921,1605.08386,0808.9999']);
    const diff = standIn.builtInCalls.find((c) => c.command === 'vscode.diff')!;
    expect((diff.args[0] as Uri).fsPath).toBe(started.path('refs.bib'));
    const preview = diff.args[1] as Uri;
    const after = bibtexEntry(published, 'fraser2022attainable');
    expect(await contentProviders.get(preview.scheme)!.provideTextDocumentContent(preview, undefined as never)).toBe(BIB.replace(OURS, after));
    expect(diff.args[2]).toBe('refs.bib ↔ arXiv now (1 entry)');
    expect(messages()).toContain('Update 1 entry in refs.bib?');
    expect(await started.read('refs.bib')).toBe(BIB.replace(OURS, after));
    expect(messages().at(-1)).toBe('Paper Feed updated 1 entry in refs.bib: fraser2022attainable.');
    // The preview's diff tab is closed once answered.
    expect(window.tabGroups.all.flatMap((g) => g.tabs)).toEqual([]);
  });

  it('names the entries it did not write and the ids arXiv lacks, and writes nothing without the OK', async () => {
    standIn.answerMessage((shown) => {
      expect(shown.message).toBe("The arXiv entry hand2016 in refs.bib was not written by Paper Feed. Update it to arXiv's current form too? Its key stays.");
      return 'Include mine';
    });
    standIn.answerMessage(() => undefined);
    await commands.executeCommand('paperFeed.updateBibEntries');
    const asked = standIn.shown.messages.find((m) => m.message === 'Update 2 entries in refs.bib?');
    expect(asked).toBeDefined();
    expect(await started.read('refs.bib')).toBe(BIB);
    const preview = standIn.builtInCalls.find((c) => c.command === 'vscode.diff')!.args[1] as Uri;
    const text = await contentProviders.get(preview.scheme)!.provideTextDocumentContent(preview, undefined as never);
    expect(text).toContain('@misc{hand2016,');
    expect(text).toContain(GONE);
    expect(asked!.items).toEqual(['Update']);
    expect(window.tabGroups.all.flatMap((g) => g.tabs)).toEqual([]);
  });

  it('shows the preview as a diff tab while it asks', async () => {
    standIn.answerMessage(() => "Only Paper Feed's");
    let tabsWhileAsked: string[] = [];
    standIn.answerMessage(() => {
      tabsWhileAsked = window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
      return 'Update';
    });
    await commands.executeCommand('paperFeed.updateBibEntries');
    expect(tabsWhileAsked).toEqual(['refs.bib ↔ arXiv now (1 entry)']);
    expect(window.tabGroups.all.flatMap((g) => g.tabs)).toEqual([]);
  });
});
