// The "Translation and summaries" section of the settings tab. Off by default; each
// change is checked by the core's validateEnrichSettings and saved only when valid. The API key
// is picked with Obsidian's SecretComponent, so the settings keep the secret's name, not the key.
import { requireApiVersion, SecretComponent, type App } from 'obsidian';
import { DEFAULT_ENRICH_SETTINGS, validateEnrichSettings, type EnrichSettings } from '../core/enrich/settings';
import { isPaperFeedError } from '../core/errors';
import { NO_SECRET_STORAGE } from './enrichment-host';
import type { FieldErrors } from './field-errors';
import type { DropdownField, SettingRow, SettingSection, TextField, ToggleField } from './setting-rows';
import type { PaperFeedSettings } from './settings';

// Examples shown as typed: model names and language tags keep their own case.
const MODEL_EXAMPLE = 'qwen2.5:7b';
const LANGUAGE_EXAMPLES = 'zh-CN, ja, de, pt-BR';

/** The translation settings being edited, and which field shows their problem. */
export interface EnrichDraft {
  settings: EnrichSettings;
  shownKey: string | null;
}

export interface EnrichSectionHost {
  app: App;
  settings: PaperFeedSettings;
  saveSettings(): Promise<void>;
  errors: FieldErrors;
  /** The draft, made from the settings in use at the first change and kept until the tab closes. */
  draft(): EnrichDraft;
}

/** Checks the draft and shows its problem beside its field (clearing the one shown before); the valid settings, or null. */
export function checkEnrichDraft(draft: EnrichDraft, errors: FieldErrors): EnrichSettings | null {
  try {
    const valid = validateEnrichSettings(draft.settings);
    if (draft.shownKey) errors.showFieldProblem(draft.shownKey, null);
    draft.shownKey = null;
    return valid;
  } catch (error) {
    if (!isPaperFeedError(error)) throw error;
    const key = error.detail.key ?? 'enrich';
    if (draft.shownKey && draft.shownKey !== key) errors.showFieldProblem(draft.shownKey, null);
    draft.shownKey = key;
    // "Setting enrich.model is empty; …" reads as "This is empty; …" beside the field.
    errors.showFieldProblem(key, error.message.replace(/^Setting enrich\.[\w.]+ /, 'This '));
    return null;
  }
}

export function enrichSection(host: EnrichSectionHost): SettingSection {
  const { settings, errors } = host;
  /** What the rows show: the draft once something was changed (it may hold a value not yet valid). */
  const shown = () => host.draft().settings;

  const edit = async (change: (draft: EnrichSettings) => void): Promise<void> => {
    const draft = host.draft();
    change(draft.settings);
    const valid = checkEnrichDraft(draft, errors);
    if (!valid) return;
    settings.enrich = valid;
    await host.saveSettings();
  };
  const text = (
    name: string,
    desc: string | undefined,
    key: string,
    placeholder: string | undefined,
    read: () => string,
    apply: (draft: EnrichSettings, value: string) => void,
  ): TextField => ({
    name,
    desc,
    key,
    control: 'text',
    placeholder,
    read,
    write: (value) => edit((d) => apply(d, value)),
  });
  const toggle = (name: string, desc: string, key: string, read: () => boolean, apply: (draft: EnrichSettings, value: boolean) => void): ToggleField => ({
    name,
    desc,
    key,
    control: 'toggle',
    read,
    write: (value) => edit((d) => apply(d, value)),
  });
  const language = (name: string, key: string, read: () => 'target' | 'en', apply: (draft: EnrichSettings, value: 'target' | 'en') => void): DropdownField => ({
    name,
    key,
    control: 'dropdown',
    options: { target: 'The target language', en: 'English' },
    read,
    write: (value) => edit((d) => apply(d, value === 'en' ? 'en' : 'target')),
  });
  const produce: Array<[keyof EnrichSettings['produce'], string, string]> = [
    ['title', 'Translate titles', 'Shown under each English title.'],
    ['abstract', 'Translate abstracts', 'Shown under each English abstract.'],
    ['tldr', 'One-line summaries', 'A one-sentence summary of each paper, at the top of its note and on its folded abstract in the digest.'],
  ];

  return {
    heading: 'Translation and summaries',
    rows: [
      {
        ...toggle(
          'Translate and summarise papers',
          "Sends each matched paper's title and abstract to the endpoint below (any OpenAI-compatible one, hosted or on this computer) and adds the translation and a one-line summary to the notes. The original text always stays.",
          'enrich.enabled',
          () => shown().enabled,
          (d, value) => (d.enabled = value),
        ),
        claims: ['enrich', 'enrich.enabled'],
      },
      text(
        'Endpoint',
        'The base URL of an OpenAI-compatible API, usually ending in /v1. A server on this computer needs no key.',
        'enrich.baseUrl',
        DEFAULT_ENRICH_SETTINGS.baseUrl,
        () => shown().baseUrl,
        (d, value) => (d.baseUrl = value),
      ),
      text(
        'Model',
        'The name of a model the endpoint serves.',
        'enrich.model',
        MODEL_EXAMPLE,
        () => shown().model,
        (d, value) => (d.model = value),
      ),
      apiKeyRow(host),
      text(
        'Target language',
        `A language tag, for example ${LANGUAGE_EXAMPLES}.`,
        'enrich.targetLanguage',
        DEFAULT_ENRICH_SETTINGS.targetLanguage,
        () => shown().targetLanguage,
        (d, value) => (d.targetLanguage = value),
      ),
      ...produce.map(([kind, name, desc]) =>
        toggle(
          name,
          desc,
          `enrich.produce.${kind}`,
          () => shown().produce[kind],
          (d, value) => (d.produce[kind] = value),
        ),
      ),
      language(
        'Summary language',
        'enrich.tldrLanguage',
        () => shown().tldrLanguage,
        (d, value) => (d.tldrLanguage = value),
      ),
      toggle(
        'Overview of the day',
        'A short paragraph atop the daily note on what the matched papers are about, with links to the papers it names. Written by the model after the notes, and marked as such.',
        'enrich.overview',
        () => shown().overview ?? false,
        (d, value) => (d.overview = value),
      ),
      text(
        'Overview length',
        'About how many words the overview runs to (30 to 400).',
        'enrich.overviewWords',
        undefined,
        () => String(shown().overviewWords ?? 120),
        (d, value) => (d.overviewWords = wholeNumber(value) as number),
      ),
      language(
        'Overview language',
        'enrich.overviewLanguage',
        () => shown().overviewLanguage ?? 'target',
        (d, value) => (d.overviewLanguage = value),
      ),
      text(
        'Papers per fetch',
        'At most this many papers go to the endpoint per fetch; the rest wait for the next one. Papers translated before cost nothing.',
        'enrich.budget',
        undefined,
        () => String(shown().budget),
        (d, value) => (d.budget = wholeNumber(value) as number),
      ),
      text(
        'Requests at once',
        'How many papers are sent at the same time. Local models usually want 1 or 2.',
        'enrich.concurrency',
        undefined,
        () => String(shown().concurrency),
        (d, value) => (d.concurrency = wholeNumber(value) as number),
      ),
      text(
        'Seconds per answer',
        'How long one answer may take before the paper is left for the next fetch. Local models on a CPU can be slow.',
        'enrich.timeoutMs',
        undefined,
        () => String((shown().timeoutMs ?? 120_000) / 1000),
        (d, value) => (d.timeoutMs = seconds(value)),
      ),
      text(
        'Minutes of translating per fetch',
        'The notes are written at once; translations fill them in for at most this long, and the rest waits for the next fetch.',
        'enrich.timeBudgetMs',
        undefined,
        () => String((shown().timeBudgetMs ?? 600_000) / 60_000),
        (d, value) => (d.timeBudgetMs = minutes(value)),
      ),
    ],
  };
}

/** Seconds typed in the settings tab, as milliseconds; anything else is left for the check to name. */
function seconds(text: string): number {
  const value = wholeNumber(text);
  return (typeof value === 'number' ? Math.round(value * 1000) : value) as number;
}

/** Minutes typed in the settings tab, as milliseconds. */
function minutes(text: string): number {
  const value = wholeNumber(text);
  return (typeof value === 'number' ? Math.round(value * 60_000) : value) as number;
}

/** The key: picked from Obsidian's secret storage where there is one, else why there is none. */
function apiKeyRow(host: EnrichSectionHost): SettingRow {
  if (requireApiVersion('1.11.4'))
    return {
      name: 'API key',
      desc: "Kept in Obsidian's secret storage on this device and sent only to the endpoint. Leave it empty for a server on this computer.",
      render: (setting) => {
        setting.addComponent((controlEl) =>
          new SecretComponent(host.app, controlEl).setValue(host.settings.apiKeySecret).onChange(async (name) => {
            host.settings.apiKeySecret = name.trim();
            await host.saveSettings();
          }),
        );
      },
    };
  return { name: 'API key', desc: NO_SECRET_STORAGE, render: () => undefined };
}

/**
 * The number typed, or the text itself when it is not one, so that the core's check names what
 * was typed ("it is "ten"") rather than a number it never saw.
 */
function wholeNumber(text: string): number | string {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : text.trim();
}
