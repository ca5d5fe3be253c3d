// The "Top picks" section of the settings tab: how many picks head the daily note,
// whether groups follow relevance, and what makes up the library (keep keys, a .bib/CSL-JSON file).
import { Platform } from 'obsidian';
import { librarySource, type LibrarySource, type PaperFeedConfig } from '../core/config';
import type { SettingRow, SettingSection } from './setting-rows';
import { lines, linesToText } from './settings';

export interface TopPicksEditorHost {
  /** Applies a change to the draft config, checks it and saves it when it is valid. */
  edit(change: (draft: PaperFeedConfig) => void): Promise<void>;
  /** The config the rows show (the draft once something was changed). */
  config(): PaperFeedConfig;
}

/** A whole number typed, or the text as typed, so the check's problem names what was written. */
function count(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : (trimmed as unknown as number);
}

export function topPicksSection(config: PaperFeedConfig, host: TopPicksEditorHost): SettingSection {
  const library = () => host.config().library;
  // The running Zotero is offered on the desktop only; a vault synced from a desktop that uses it
  // shows the choice here too, and the library file stands in for it on this device.
  const sources: Record<string, string> = { off: 'Only the kept notes', file: 'An export file' };
  if (Platform.isDesktopApp || config.library.source === 'zotero')
    sources.zotero = Platform.isDesktopApp ? 'The running Zotero' : 'The running Zotero (desktop; the file stands in here)';
  const zoteroPort: SettingRow[] =
    Platform.isDesktopApp && librarySource(config.library) === 'zotero'
      ? [
          {
            name: 'Zotero port',
            desc: "The port of Zotero's local server on this computer (23119 unless you changed it). Nothing is sent anywhere else.",
            key: 'library.zoteroPort',
            control: 'text',
            placeholder: '23119',
            read: () => String(library().zoteroPort ?? 23119),
            write: (value) => host.edit((d) => (d.library.zoteroPort = count(value))),
          },
        ]
      : [];
  return {
    heading: 'Top picks',
    desc: 'Each announcement is ranked by how close its papers are to your library, offline, and the best head the daily note with the reason they were picked.',
    rows: [
      {
        name: 'Number of top picks',
        desc: 'How many papers head the daily note; 0 turns the section off.',
        key: 'topPicks',
        control: 'text',
        placeholder: '10',
        read: () => String(host.config().topPicks),
        write: (value) => host.edit((d) => (d.topPicks = count(value))),
      },
      {
        name: 'Order groups by relevance',
        desc: "List the papers in each group by closeness to your library instead of in arXiv's order.",
        key: 'orderGroupsByRelevance',
        control: 'toggle',
        read: () => host.config().orderGroupsByRelevance,
        write: (value) => host.edit((d) => (d.orderGroupsByRelevance = value)),
      },
      {
        name: 'Kept notes',
        desc:
          'A paper note joins your library when you write in it outside the part Paper Feed generates, or when it has one of these, one per line: ' +
          'a property ("rating"), a property and its value ("status: read"), or a tag ("tag: paper/keep").',
        key: 'library.keepKeys',
        control: 'textarea',
        read: () => linesToText(library().keepKeys),
        write: (value) => host.edit((d) => (d.library.keepKeys = lines(value))),
      },
      {
        name: 'Library source',
        desc:
          'Where the library comes from besides the kept notes. The running Zotero (7 or later) is read through its local API: turn on ' +
          '"Allow other applications on this computer to communicate with Zotero" in Zotero under Settings → Advanced. Keep a library file for phones.',
        key: 'library.source',
        control: 'dropdown',
        options: sources,
        read: () => librarySource(library()),
        write: (value) => host.edit((d) => (d.library.source = value as LibrarySource)),
      },
      ...zoteroPort,
      {
        name: 'Library file',
        desc: 'Optional: a .bib or CSL JSON export of your reference manager in this vault, such as "References/library.bib". Its entries with an abstract join the library.',
        key: 'library.file',
        claims: ['library', 'library.file'],
        control: 'text',
        placeholder: 'References/library.bib',
        read: () => library().file ?? '',
        write: (value) =>
          host.edit((d) => {
            if (value.trim() === '') delete d.library.file;
            else d.library.file = value.trim();
          }),
      },
    ],
  };
}
