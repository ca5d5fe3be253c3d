// The "Top picks" section of the settings tab: how many picks head the daily note,
// whether groups follow relevance, and what makes up the library (keep keys, a .bib/CSL-JSON file).
import { Platform, Setting } from 'obsidian';
import { librarySource, type LibrarySource, type PaperFeedConfig } from '../core/config';
import type { FieldErrors } from './field-errors';
import { lines, linesToText } from './settings';

export interface TopPicksEditorHost {
  /** Applies a change to the draft config, checks it and saves it when it is valid. */
  edit(change: (draft: PaperFeedConfig) => void): Promise<void>;
  errors: FieldErrors;
}

export function renderTopPicksSection(el: HTMLElement, draft: PaperFeedConfig, host: TopPicksEditorHost): void {
  new Setting(el)
    .setName('Top picks')
    .setDesc(
      'Each announcement is ranked by how close its papers are to your library, offline, and the best head the daily note with the reason they were picked.',
    )
    .setHeading();

  const count = new Setting(el)
    .setName('Number of top picks')
    .setDesc('How many papers head the daily note; 0 turns the section off.')
    .addText((text) =>
      text
        .setPlaceholder('10')
        .setValue(String(draft.topPicks))
        .onChange((value) => {
          const trimmed = value.trim();
          // Anything but digits goes to the check as typed, so the problem names what was written.
          return host.edit((d) => (d.topPicks = /^\d+$/.test(trimmed) ? Number(trimmed) : (trimmed as unknown as number)));
        }),
    );
  host.errors.claim(count, 'topPicks');

  new Setting(el)
    .setName('Order groups by relevance')
    .setDesc("List the papers in each group by closeness to your library instead of in arXiv's order.")
    .addToggle((toggle) => toggle.setValue(draft.orderGroupsByRelevance).onChange((value) => host.edit((d) => (d.orderGroupsByRelevance = value))));

  const keep = new Setting(el)
    .setName('Kept notes')
    .setDesc(
      'A paper note joins your library when you write in it outside the part Paper Feed generates, or when it has one of these, one per line: ' +
        'a property ("rating"), a property and its value ("status: read"), or a tag ("tag: paper/keep").',
    )
    .addTextArea((text) => text.setValue(linesToText(draft.library.keepKeys)).onChange((value) => host.edit((d) => (d.library.keepKeys = lines(value)))));
  host.errors.claim(keep, 'library.keepKeys');

  // The running Zotero is offered on the desktop only; a vault synced from a desktop that uses it
  // shows the choice here too, and the library file stands in for it on this device.
  const sources: Record<string, string> = { off: 'Only the kept notes', file: 'An export file' };
  if (Platform.isDesktopApp || draft.library.source === 'zotero')
    sources.zotero = Platform.isDesktopApp ? 'The running Zotero' : 'The running Zotero (desktop; the file stands in here)';
  const source = new Setting(el)
    .setName('Library source')
    .setDesc(
      'Where the library comes from besides the kept notes. The running Zotero (7 or later) is read through its local API: turn on ' +
        '"Allow other applications on this computer to communicate with Zotero" in Zotero under Settings → Advanced. Keep a library file for phones.',
    )
    .addDropdown((dropdown) =>
      dropdown
        .addOptions(sources)
        .setValue(librarySource(draft.library))
        .onChange((value) => host.edit((d) => (d.library.source = value as LibrarySource))),
    );
  host.errors.claim(source, 'library.source');
  if (Platform.isDesktopApp && librarySource(draft.library) === 'zotero') {
    const port = new Setting(el)
      .setName('Zotero port')
      .setDesc("The port of Zotero's local server on this computer (23119 unless you changed it). Nothing is sent anywhere else.")
      .addText((text) =>
        text
          .setPlaceholder('23119')
          .setValue(String(draft.library.zoteroPort ?? 23119))
          .onChange((value) => {
            const trimmed = value.trim();
            return host.edit((d) => (d.library.zoteroPort = /^\d+$/.test(trimmed) ? Number(trimmed) : (trimmed as unknown as number)));
          }),
      );
    host.errors.claim(port, 'library.zoteroPort');
  }

  const file = new Setting(el)
    .setName('Library file')
    .setDesc(
      'Optional: a .bib or CSL JSON export of your reference manager in this vault, such as "References/library.bib". Its entries with an abstract join the library.',
    )
    .addText((text) =>
      text
        .setPlaceholder('References/library.bib')
        .setValue(draft.library.file ?? '')
        .onChange((value) =>
          host.edit((d) => {
            if (value.trim() === '') delete d.library.file;
            else d.library.file = value.trim();
          }),
        ),
    );
  host.errors.claim(file, 'library', 'library.file');
}
