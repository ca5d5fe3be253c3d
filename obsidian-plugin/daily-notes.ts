// Links the digest from today's daily note, through whichever daily-note plugin the person uses:
// Periodic Notes (when its daily notes are on), else the core Daily Notes plugin. Their settings
// are undocumented internals, so this is the one module that reads them, defensively, and falls
// back to the files those plugins keep their settings in.
import { normalizePath, TFile, TFolder, type App } from 'obsidian';
import { moment } from './moment';
import { isRecord } from '../core/record';

export interface DailyNoteSettings {
  folder: string;
  /** A moment.js format; may contain "/" to file notes in dated subfolders. */
  format: string;
  /** Path of the template note, or "" for none. */
  template: string;
}

export type LinkOutcome = 'linked' | 'already-linked' | 'no-daily-notes';

const DEFAULT_FORMAT = 'YYYY-MM-DD';

/** The person's daily-note settings, or null when no daily-note plugin is on. */
export async function dailyNoteSettings(app: App): Promise<DailyNoteSettings | null> {
  return fromPeriodicNotes(app) ?? fromCorePlugin(app) ?? (await fromSettingsFiles(app));
}

/** Adds a link to `digest` under `heading` in the daily note for `now`, creating the note if needed. */
export async function linkFromDailyNote(app: App, digest: TFile, heading: string, now: Date): Promise<LinkOutcome> {
  const settings = await dailyNoteSettings(app);
  if (!settings) return 'no-daily-notes';
  const day = moment(now);
  const name = day.format(settings.format || DEFAULT_FORMAT);
  const path = normalizePath(`${settings.folder}/${name}.md`);
  const note = app.vault.getFileByPath(path) ?? (await createDailyNote(app, path, name, settings, day));
  const link = app.fileManager.generateMarkdownLink(digest, note.path, undefined, `arXiv ${digest.basename}`);
  const linked = (text: string) => text.includes(link) || linksTo(app, text, note.path, digest);
  // Look before writing: the journal note is the person's, and a write that changes nothing still
  // gives it a new modified time and sends it through sync on every run.
  if (linked(await app.vault.read(note))) return 'already-linked';
  let outcome: LinkOutcome = 'already-linked';
  await app.vault.process(note, (text) => {
    if (linked(text)) return text;
    outcome = 'linked';
    return insertUnderHeading(text, heading, `- ${link}`);
  });
  return outcome;
}

/** Puts `line` at the end of the section under `heading`, adding the heading when it is missing. */
export function insertUnderHeading(text: string, heading: string, line: string): string {
  const lines = text.split('\n');
  const wanted = heading.trim().toLowerCase();
  const start = lines.findIndex(
    (l) =>
      /^#{1,6}\s/.test(l) &&
      l
        .replace(/^#{1,6}\s+/, '')
        .replace(/\s+#*\s*$/, '')
        .trim()
        .toLowerCase() === wanted,
  );
  if (start < 0) {
    const body = text.replace(/\s+$/, '');
    return `${body}${body ? '\n\n' : ''}## ${heading.trim()}\n\n${line}\n`;
  }
  const level = /^#+/.exec(lines[start]!)![0].length;
  let end = lines.findIndex((l, i) => i > start && /^#{1,6}\s/.test(l) && /^#+/.exec(l)![0].length <= level);
  if (end < 0) end = lines.length;
  let insertAt = end;
  while (insertAt > start + 1 && lines[insertAt - 1]!.trim() === '') insertAt -= 1;
  const gap = insertAt === start + 1 ? [''] : [];
  lines.splice(insertAt, 0, ...gap, line);
  return lines.join('\n');
}

function linksTo(app: App, text: string, sourcePath: string, target: TFile): boolean {
  for (const match of text.matchAll(/\[\[([^\]|#]+)/g)) {
    if (app.metadataCache.getFirstLinkpathDest(match[1]!.trim(), sourcePath) === target) return true;
  }
  return false;
}

// As the Daily Notes plugin does: the template's text with {{date}}, {{time}}, {{title}} and
// {{date:FORMAT}} / {{time:FORMAT}} filled in.
async function createDailyNote(app: App, path: string, title: string, settings: DailyNoteSettings, day: ReturnType<typeof moment>): Promise<TFile> {
  const template = settings.template ? app.metadataCache.getFirstLinkpathDest(normalizePath(settings.template), '') : null;
  const raw = template ? await app.vault.cachedRead(template) : '';
  const content = raw
    .replace(/{{\s*(date|time)\s*:\s*(.+?)\s*}}/gi, (_, _kind: string, format: string) => day.format(format))
    .replace(/{{\s*date\s*}}/gi, title)
    .replace(/{{\s*time\s*}}/gi, moment().format('HH:mm'))
    .replace(/{{\s*title\s*}}/gi, title);
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  if (folder && !(app.vault.getAbstractFileByPath(folder) instanceof TFolder)) await app.vault.createFolder(folder);
  return app.vault.create(path, content);
}

interface PeriodicDaily {
  enabled?: unknown;
  folder?: unknown;
  format?: unknown;
  template?: unknown;
  templatePath?: unknown;
}

/** The internals this module reads; every field may be missing in another app version. */
interface AppInternals {
  internalPlugins?: {
    getPluginById?: (id: string) => { enabled?: unknown; instance?: { options?: unknown } } | null | undefined;
  };
  plugins?: {
    getPlugin?: (id: string) => { settings?: unknown } | null | undefined;
  };
}

function fromPeriodicNotes(app: App): DailyNoteSettings | null {
  try {
    const settings = (app as unknown as AppInternals).plugins?.getPlugin?.('periodic-notes')?.settings as
      { daily?: PeriodicDaily; calendarSets?: Array<{ id?: unknown; day?: PeriodicDaily }>; activeCalendarSet?: unknown } | undefined;
    if (!settings) return null;
    const sets = Array.isArray(settings.calendarSets) ? settings.calendarSets : [];
    // Periodic Notes 1.x keeps calendar sets; 0.x a single `daily` block.
    const daily = sets.find((s) => s.id === settings.activeCalendarSet)?.day ?? sets[0]?.day ?? settings.daily;
    if (daily?.enabled !== true) return null;
    return cleaned(daily.folder, daily.format, daily.templatePath ?? daily.template);
  } catch {
    return null;
  }
}

function fromCorePlugin(app: App): DailyNoteSettings | null {
  try {
    const plugin = (app as unknown as AppInternals).internalPlugins?.getPluginById?.('daily-notes');
    if (plugin?.enabled !== true) return null;
    const options = (plugin.instance?.options ?? {}) as Record<string, unknown>;
    return cleaned(options.folder, options.format, options.template);
  } catch {
    return null;
  }
}

// When the internals are not where we expect them: the core plugins list and the Daily Notes
// plugin's own settings file in the config folder.
async function fromSettingsFiles(app: App): Promise<DailyNoteSettings | null> {
  const configDir = app.vault.configDir;
  const enabled = await readJson(app, `${configDir}/core-plugins.json`);
  const on = Array.isArray(enabled) ? enabled.includes('daily-notes') : isRecord(enabled) && enabled['daily-notes'] === true;
  if (!on) return null;
  const options = await readJson(app, `${configDir}/daily-notes.json`);
  return isRecord(options) ? cleaned(options.folder, options.format, options.template) : cleaned('', '', '');
}

async function readJson(app: App, path: string): Promise<unknown> {
  try {
    const target = normalizePath(path);
    if (!(await app.vault.adapter.exists(target))) return null;
    return JSON.parse(await app.vault.adapter.read(target)) as unknown;
  } catch {
    return null;
  }
}

function cleaned(folder: unknown, format: unknown, template: unknown): DailyNoteSettings {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  return { folder: text(folder), format: text(format) || DEFAULT_FORMAT, template: text(template) };
}
